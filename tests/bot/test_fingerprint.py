from bot.fingerprint import training_fingerprint


def make_project(root):
    (root / "data" / "nlu").mkdir(parents=True)
    (root / "bot" / "nlu").mkdir(parents=True)
    (root / "config.yml").write_text("language: nl\n")
    (root / "domain.yml").write_text("intents: [greet]\n")
    (root / "requirements.lock").write_text("rasa==3.6.21\n")
    (root / "data" / "nlu" / "general.yml").write_text("- hoi\n")
    (root / "bot" / "nlu" / "tok.py").write_text("x = 1\n")


def test_same_inputs_give_the_same_fingerprint(tmp_path):
    make_project(tmp_path)
    assert training_fingerprint(tmp_path) == training_fingerprint(tmp_path)


def test_changed_training_data_changes_the_fingerprint(tmp_path):
    make_project(tmp_path)
    before = training_fingerprint(tmp_path)
    (tmp_path / "data" / "nlu" / "general.yml").write_text("- hoi\n- hallo\n")
    assert training_fingerprint(tmp_path) != before


def test_new_file_and_component_code_change_the_fingerprint(tmp_path):
    make_project(tmp_path)
    before = training_fingerprint(tmp_path)
    (tmp_path / "data" / "nlu" / "salary.yml").write_text("- loon\n")
    after_new_file = training_fingerprint(tmp_path)
    (tmp_path / "bot" / "nlu" / "tok.py").write_text("x = 2\n")
    assert len({before, after_new_file, training_fingerprint(tmp_path)}) == 3


def test_unrelated_files_do_not_change_the_fingerprint(tmp_path):
    make_project(tmp_path)
    before = training_fingerprint(tmp_path)
    (tmp_path / "README.md").write_text("docs\n")
    (tmp_path / "data" / "knowledge").mkdir()
    (tmp_path / "data" / "knowledge" / "salary.yml").write_text("fact: 1\n")
    (tmp_path / "bot" / "nlu" / "__pycache__").mkdir()
    (tmp_path / "bot" / "nlu" / "__pycache__" / "tok.pyc").write_bytes(b"\0")
    assert training_fingerprint(tmp_path) == before
