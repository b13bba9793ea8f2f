"""The 질문 pane's library: folders the user added, their indexing, and answers with their sources."""
