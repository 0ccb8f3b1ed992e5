"""The web app: the chat widget, the demo pages and the chat endpoint the widget talks to."""
