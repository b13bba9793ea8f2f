"""Korean text processing shared by the summarizer, the index and the support checker."""
