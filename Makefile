# Two commands on a fresh Linux machine:  `make run`  (install + open Baro)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# llama.cpp is compiled at install. A native build uses every instruction the build CPU has (AMX on
# recent Xeons dies with SIGILL), so build for a portable x86-64 baseline (AVX2/FMA/F16C).
# pip keeps the built wheel in its cache: the 7-minute compile is paid once per machine.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF \
	-DLLAMA_BUILD_SERVER=OFF
ifeq ($(shell uname -m),arm64)
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF
endif
ifeq ($(shell uname -m),aarch64)
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF
endif

.PHONY: run test install install-dev sysdeps lint typecheck layers unit bench i18n clean

run: install
	$(BIN)/baro

test: install-dev sysdeps lint typecheck layers unit

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(VENV)/bin/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc 2>/dev/null || echo 2) \
		$(BIN)/pip install --quiet -e .

install-dev: $(VENV)/bin/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc 2>/dev/null || echo 2) \
		$(BIN)/pip install --quiet -e '.[dev]'

sysdeps:
	bash packaging/linux/install-system-deps.sh

lint:
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

typecheck:
	$(BIN)/mypy

layers:
	$(BIN)/lint-imports

unit:
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest --durations=30

# After adding or changing tr() strings: update the catalogue, translate the new entries in
# resources/i18n/baro_ko.ts (Korean), then run this again to compile baro_ko.qm.
i18n:
	$(BIN)/pyside6-lupdate -no-obsolete $$(find app/gui -name '*.py' | sort) -ts resources/i18n/baro_ko.ts
	$(BIN)/pyside6-lrelease resources/i18n/baro_ko.ts -qm resources/i18n/baro_ko.qm

bench:
	$(BIN)/python bench/engine.py

# A one-folder desktop bundle in dist/baro/ (PyInstaller; ~1 minute on 2 cores), then its smoke run under
# Xvfb (~40 s): see packaging/README.md.
.PHONY: package package-smoke
package: $(VENV)/bin/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc 2>/dev/null || echo 2) \
		$(BIN)/pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/baro.spec

package-smoke: package sysdeps
	$(BIN)/python packaging/smoke_test.py

# Rebuild Baro's LoRA adapter for the default model from tune/data (developers only: never part of run/test,
# and CI never trains). ~1.5-2 h on 2 CPU cores; rerun to resume. See README "Tuning (developers)".
TUNE_VENV    := .venv-tune
TUNE_BIN     := $(TUNE_VENV)/bin
TUNE_OUT     ?= tune/build/run
TUNE_ADAPTER ?= models/baro-tuned-lora.gguf
TUNE_EPOCHS  ?= 3
TUNE_THREADS ?= 2
TUNE_MAX_LEN ?= 1024
# Empty: pip's default index (on Linux PyPI's torch is the multi-GB CUDA build). For the CPU-only wheel:
# make tune TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX  ?=
TUNE_PACKAGES = $(shell $(PYTHON) -c "import shlex, tomllib; \
	extra = tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['tune']; \
	print(' '.join(map(shlex.quote, extra)))")

.PHONY: tune tune-venv
$(TUNE_BIN)/python:
	$(PYTHON) -m venv $(TUNE_VENV)
	$(TUNE_BIN)/python -m pip install --quiet --upgrade pip

tune-venv: $(TUNE_BIN)/python
	$(TUNE_BIN)/pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX) --extra-index-url https://pypi.org/simple) \
		$(TUNE_PACKAGES)

tune: install tune-venv
	$(BIN)/python tune/build_data.py --check
	$(BIN)/python tune/tokenize_data.py --out tune/build/tokens --max-len $(TUNE_MAX_LEN)
	$(TUNE_BIN)/python tune/train.py tune/build/tokens/train.jsonl --out $(TUNE_OUT) --epochs $(TUNE_EPOCHS) \
		--threads $(TUNE_THREADS) --max-len $(TUNE_MAX_LEN) --adapter $(TUNE_ADAPTER) \
		--heldout tune/build/tokens/heldout.jsonl
	sha256sum $(TUNE_ADAPTER)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

# llama.cpp's own server (`llama-server`, with parallel slots), built from the llama.cpp that the pinned
# llama-cpp-python vendors: for bench/team.py and for trying team mode (README "팀 서버"). ~8 min on 2 cores.
LLAMA_SERVER_DIR := build/llama-server
.PHONY: llama-server
llama-server: $(LLAMA_SERVER_DIR)/bin/llama-server
$(LLAMA_SERVER_DIR)/bin/llama-server: $(VENV)/bin/python
	rm -rf $(LLAMA_SERVER_DIR)/src && mkdir -p $(LLAMA_SERVER_DIR)/src
	$(BIN)/pip download --quiet --no-binary :all: --no-deps \
		"$$($(BIN)/python -c "import tomllib; print(next(d for d in tomllib.load(open('pyproject.toml','rb'))['project']['dependencies'] if d.startswith('llama-cpp-python')))")" \
		-d $(LLAMA_SERVER_DIR)/src
	tar -xzf $(LLAMA_SERVER_DIR)/src/llama_cpp_python-*.tar.gz -C $(LLAMA_SERVER_DIR)/src
	cmake -S $(LLAMA_SERVER_DIR)/src/llama_cpp_python-*/vendor/llama.cpp -B $(LLAMA_SERVER_DIR)/cmake \
		$(filter-out -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF,$(LLAMA_CMAKE_ARGS)) \
		-DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON -DLLAMA_CURL=OFF -DBUILD_SHARED_LIBS=OFF -DCMAKE_BUILD_TYPE=Release
	cmake --build $(LLAMA_SERVER_DIR)/cmake --target llama-server -j $$(nproc 2>/dev/null || echo 2)
	mkdir -p $(LLAMA_SERVER_DIR)/bin && cp $(LLAMA_SERVER_DIR)/cmake/bin/llama-server $(LLAMA_SERVER_DIR)/bin/
