"""The local model engine (llama.cpp in a worker process), prompt formats and the model catalog."""
