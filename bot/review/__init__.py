"""The staff review app: find, read, tag and export conversations (under /review/)."""
