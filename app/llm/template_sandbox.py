"""A Jinja sandbox in which no operation of a template can build a value past a size cap.

Jinja's ImmutableSandboxedEnvironment stops attribute tricks and mutation, but not a template that asks
Python for gigabytes in one call (``'x'.center(3000000000)``, ``range(3000)|join('a' * 1000000)``): the
allocation happens inside C before any check could run. So every place a template can grow a value is
checked *before* it runs, from the sizes of its inputs:

- string methods and filters that grow (``center``, ``ljust``, ``zfill``, ``expandtabs``, ``replace``,
  ``join``, ``indent``, ``wordwrap``, ``format``, ``%``, ``batch``, ``slice``) and the ``*`` and ``**``
  operators get an exact or upper-bound size check; string methods outside a known list are refused;
- whatever is printed, concatenated (``~``) or handed to a filter or call is weighed first with
  ``printed_size`` (a list of a million references to one long string prints as a million copies);
- block buffers (``{% set %}…{% endset %}``, macros, ``{% filter %}``) count what is appended;
- every string, list or dict a call, filter or operator returns is added to one render's total.

Time is the caller's: ``RenderBudget.check_time`` runs from the chat template module's trace function.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import wraps
from string import Formatter
from typing import Any

from jinja2 import pass_eval_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import FILTERS, sync_do_join
from jinja2.nodes import Concat, EvalContext
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Namespace

MAX_VALUE_CHARS = 1 << 22
"""Any one string, and the printed size of any value a template prints, joins or passes on (4 Mi chars)."""
MAX_ITEMS = 1 << 20
"""Any one list, tuple or dict."""
MAX_PRODUCED = 1 << 25
"""Characters and items all calls, filters, operators and buffers of one render may produce together."""
MAX_INT_BITS = 1 << 16
MAX_SLICES = 10_000
MAX_JSON_INDENT = 16

# fmt: off
_SAFE_STR_METHODS = frozenset({
    "capitalize", "casefold", "count", "decode", "encode", "endswith", "find", "hex", "index", "isalnum",
    "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable",
    "isspace", "istitle", "isupper", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "rfind",
    "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
    "title", "upper",
})
"""Methods whose result is at most a small constant times the string (checked afterwards like any result)."""
_FILTERS_KEPT = frozenset({
    "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape",
    "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "items", "join",
    "last", "length", "list", "lower", "map", "max", "min", "pprint", "reject", "rejectattr", "replace",
    "reverse", "round", "safe", "select", "selectattr", "slice", "sort", "string", "striptags", "sum", "title",
    "tojson", "trim", "truncate", "unique", "upper", "urlencode", "wordcount", "wordwrap",
})
"""Jinja's filters a chat template may use (``urlize``, ``xmlattr``, ``random`` … are left out)."""
# fmt: on
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


class TemplateLimit(Exception):
    """A template asked for more than its budget; ``reason`` is a short Korean phrase for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RenderBudget:
    """One render's time and production allowance."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.produced = 0

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"{self.seconds:g}초 안에 끝나지 않음")

    def count(self, value: Any) -> Any:
        """Add a freshly built value to the total; refuse one that is too big on its own."""
        if isinstance(value, str | bytes | bytearray):
            if len(value) > MAX_VALUE_CHARS:
                raise TemplateLimit("너무 긴 문자열")
            self.produced += len(value)
        elif isinstance(value, list | tuple | dict | set | frozenset):
            if len(value) > MAX_ITEMS:
                raise TemplateLimit("너무 긴 목록")
            self.produced += len(value)
        elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            raise TemplateLimit("너무 큰 수")
        if self.produced > MAX_PRODUCED:
            raise TemplateLimit("템플릿이 너무 많은 글자를 만듦")
        self.check_time()
        return value


def printed_size(value: Any, limit: int = MAX_VALUE_CHARS, tick: Callable[[], None] | None = None) -> int:
    """About how many characters ``str(value)`` takes, every alias counted; counting stops past ``limit``.

    ``tick`` runs every few thousand items (a long list costs time to weigh, and time is budgeted too).
    """
    total = 0
    stack = [value]
    steps = 0
    while stack and total <= limit:
        steps += 1
        if tick is not None and steps % 4096 == 0:
            tick()
        item = stack.pop()
        if isinstance(item, str | bytes | bytearray):
            total += len(item) + 2
        elif isinstance(item, bool | float) or item is None:
            total += 24
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, Namespace):
            stack.append(object.__getattribute__(item, "_Namespace__attrs"))
        elif isinstance(item, Mapping):
            total += 2 + 4 * len(item)
            if total <= limit:
                stack.extend(item.keys())
                stack.extend(item.values())
        elif isinstance(item, Collection):
            total += 2 + 2 * len(item)  # charged before its items are pushed, so the stack stays bounded too
            if total <= limit:
                stack.extend(item)
        else:
            total += 64  # Undefined, macros, loops, cyclers, generators: a short repr
    return total


def check_printable(budget: RenderBudget, *values: Any) -> None:
    if printed_size(values, tick=budget.check_time) > MAX_VALUE_CHARS:
        raise TemplateLimit("너무 긴 값")


def _need(size: int) -> None:
    if size > MAX_VALUE_CHARS:
        raise TemplateLimit("너무 긴 문자열")


def _width(width: Any) -> int:
    if isinstance(width, str | bytes):
        return len(width)
    if not isinstance(width, int) or isinstance(width, bool):
        return 0  # the real call raises its own TypeError
    _need(width)
    return width


def materialized(value: Any) -> Any:
    """A generator or iterator as a list (at most ``MAX_ITEMS``), so it can be weighed; anything else as is."""
    if not isinstance(value, Iterator) or isinstance(value, Cycler | LoopContext):
        return value
    items = list(itertools.islice(value, MAX_ITEMS + 1))
    if len(items) > MAX_ITEMS:
        raise TemplateLimit("너무 긴 목록")
    return items


def check_join(separator: Any, items: list[Any]) -> None:
    _need(printed_size(items) + printed_size(separator) * len(items))


def check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if not isinstance(text, str | bytes) or not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return
    found = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    _need(len(text) + found * max(0, len(new) - len(old)))


def check_format(template: str, args: Iterable[Any], kwargs: Mapping[str, Any]) -> None:
    """Upper bound of ``template.format(*args, **kwargs)``: every field may print every argument, padded."""
    values = [*args, *kwargs.values()]
    argument_size = printed_size(values)
    widest_argument = max((abs(v) for v in values if isinstance(v, int) and not isinstance(v, bool)), default=0)
    estimate = len(template)
    try:
        fields = list(Formatter().parse(template))
    except ValueError:
        return  # a malformed format string fails in the real call
    for _, field, spec, _ in fields:
        if field is None:
            continue
        estimate += argument_size + sum(_spec_number(d) for d in _DIGITS.findall(spec or ""))
        if spec and "{" in spec:
            estimate += widest_argument
    _need(estimate)


def check_percent(template: Any, args: Any) -> None:
    """Upper bound of ``template % args`` (each conversion may print every argument, padded)."""
    if not isinstance(template, str | bytes):
        return
    text = template if isinstance(template, str) else template.decode("latin-1")
    values = list(args.values()) if isinstance(args, Mapping) else list(args) if isinstance(args, tuple) else [args]
    argument_size = printed_size(values)
    widest_argument = max((abs(v) for v in values if isinstance(v, int) and not isinstance(v, bool)), default=0)
    estimate = len(text)
    for match in _PERCENT_SPEC.finditer(text):
        estimate += argument_size
        for number in match.groups():
            estimate += widest_argument if number == "*" else _spec_number(number or "0")
    _need(estimate)


def _spec_number(digits: str) -> int:
    if len(digits) > 9:
        raise TemplateLimit("너무 큰 폭")
    return int(digits)


def check_method(method: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """Pre-check a call of a str/bytes (or int) method; returns the arguments to call it with (a generator listed)."""
    owner = getattr(method, "__self__", None)
    if isinstance(owner, int) and getattr(method, "__name__", "") == "to_bytes":
        _width(args[0] if args else kwargs.get("length", 1))
    if not isinstance(owner, str | bytes | bytearray):
        return args
    name = getattr(method, "__name__", "")
    if name in ("center", "ljust", "rjust", "zfill"):
        _width(args[0] if args else kwargs.get("width", 0))
    elif name == "expandtabs":
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        _need(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * _width(tabsize))  # type: ignore[arg-type]
    elif name == "replace" and len(args) >= 2:
        check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count", -1))
    elif name == "join" and args:
        items = list(materialized(iter(args[0]))) if isinstance(args[0], Iterable) else args[0]
        check_join(owner, items)
        return (items, *args[1:])
    elif name not in _SAFE_STR_METHODS:
        raise TemplateLimit(f"쓸 수 없는 문자열 기능 '{name}'")
    return args


def _checked_filter(name: str, real: Callable[..., Any], budget: RenderBudget) -> Callable[..., Any]:
    passes_argument = getattr(real, "jinja_pass_arg", None) is not None
    growth = _FILTER_CHECKS.get(name)

    @wraps(real)  # keeps ``jinja_pass_arg``, so Jinja still hands it the context it asks for
    def checked(*args: Any, **kwargs: Any) -> Any:
        budget.check_time()
        args = tuple(materialized(a) for a in args)
        kwargs = {k: materialized(v) for k, v in kwargs.items()}
        own = args[1:] if passes_argument else args
        check_printable(budget, *own, *kwargs.values())
        if growth is not None:
            growth(*own, **kwargs)
        return budget.count(real(*args, **kwargs))

    return checked


def _check_center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    _width(width)


def _check_indent(text: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    lines = str(text).count("\n") + 2
    _need(len(str(text)) + _width(width) * lines)


def _check_replace_filter(text: Any, old: Any, new: Any, count: Any = None, **_: Any) -> None:
    check_replace(str(text), str(old), str(new), -1 if count is None else count)


def _check_wordwrap(text: Any, width: Any = 79, _long: Any = True, wrapstring: Any = None, *_: Any, **kw: Any) -> None:
    wrap = kw.get("wrapstring", wrapstring) or "\n"
    _need(len(str(text)) * (1 + len(str(wrap))))


def _check_format_filter(value: Any, *args: Any, **kwargs: Any) -> None:
    check_percent(str(value), kwargs or args)


def _check_batch(_value: Any, linecount: Any = 1, *_: Any, **__: Any) -> None:
    if isinstance(linecount, int) and linecount > MAX_ITEMS:
        raise TemplateLimit("너무 긴 목록")


def _check_slice(_value: Any, slices: Any = 1, *_: Any, **__: Any) -> None:
    if isinstance(slices, int) and slices > MAX_SLICES:
        raise TemplateLimit("너무 많은 조각")


@pass_eval_context
def _join(eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None) -> str:
    items = list(value)
    check_join(d, items)
    return sync_do_join(eval_ctx, items, d, attribute)


def _tojson(
    value: Any, ensure_ascii: bool = False, indent: Any = None, separators: Any = None, sort_keys: bool = False
) -> str:
    """Like Hugging Face's ``tojson`` (Korean stays readable); a wide indent is refused."""
    if _width(indent) > MAX_JSON_INDENT:
        raise TemplateLimit("너무 큰 들여쓰기")
    return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _check_center,
    "indent": _check_indent,
    "replace": _check_replace_filter,
    "wordwrap": _check_wordwrap,
    "format": _check_format_filter,
    "batch": _check_batch,
    "slice": _check_slice,
}


class _BoundedBuffer(list[str]):
    """A block's output buffer (``{% set %}`` blocks, macros, ``{% filter %}``), counted as it fills."""

    def __init__(self, budget: RenderBudget) -> None:
        super().__init__()
        self.budget = budget
        self.size = 0

    def append(self, part: str) -> None:
        self.size += len(part)
        _need(self.size)
        self.budget.count(part)
        super().append(part)

    def extend(self, parts: Iterable[str]) -> None:
        for part in parts:
            self.append(part)


class _CheckedCodeGenerator(CodeGenerator):
    """Jinja's compiler, with block buffers and ``~`` routed through the environment's checks."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.bounded_buffer()")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.checked_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class GuardedSandbox(ImmutableSandboxedEnvironment):
    """The environment one render runs in (made per render: it carries that render's budget)."""

    code_generator_class = _CheckedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, budget: RenderBudget, **options: Any) -> None:
        super().__init__(extensions=["jinja2.ext.loopcontrols"], finalize=self._finalize, **options)
        self.budget = budget
        self.globals.pop("lipsum", None)
        self.filters = {
            name: _checked_filter(name, real, budget) for name, real in FILTERS.items() if name in _FILTERS_KEPT
        }
        self.filters["join"] = _checked_filter("join", _join, budget)
        self.filters["tojson"] = _checked_filter("tojson", _tojson, budget)

    def bounded_buffer(self) -> _BoundedBuffer:
        return _BoundedBuffer(self.budget)

    def checked_concat(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]) -> str:
        check_printable(self.budget, *parts)
        return str(self.budget.count(join(parts)))

    def _finalize(self, value: Any) -> Any:
        """Runs on every ``{{ … }}`` before it is turned into text."""
        check_printable(self.budget, value)
        return value

    def call_binop(self, context: Context, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            _check_repeat(left, right)
        elif op == "**":
            _check_power(left, right)
        elif op == "%":
            check_percent(left, right)
        return self.budget.count(super().call_binop(context, op, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.budget.check_time()
        args = tuple(materialized(a) for a in args)
        kwargs = {k: materialized(v) for k, v in kwargs.items()}
        check_printable(__self.budget, *args, *kwargs.values())
        args = check_method(__obj, args, kwargs)
        return __self.budget.count(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template: str = value.__self__
        by_mapping = value.__name__ == "format_map"

        def checked(*args: Any, **kwargs: Any) -> str:
            if by_mapping and args and isinstance(args[0], Mapping):
                check_format(template, (), args[0])
            else:
                check_format(template, args, kwargs)
            return str(self.budget.count(wrapper(*args, **kwargs)))

        return checked


def _check_repeat(left: Any, right: Any) -> None:
    for seq, times in ((left, right), (right, left)):
        if not isinstance(times, int) or isinstance(seq, int | float):
            continue
        if isinstance(seq, str | bytes) and len(seq) * times > MAX_VALUE_CHARS:
            raise TemplateLimit("너무 긴 문자열 반복")
        if isinstance(seq, list | tuple) and len(seq) * times > MAX_ITEMS:
            raise TemplateLimit("너무 긴 목록 반복")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise TemplateLimit("너무 큰 수")


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0:
        if max(base.bit_length(), 1) * exponent > MAX_INT_BITS:
            raise TemplateLimit("너무 큰 거듭제곱")
    elif isinstance(exponent, int) and abs(exponent) > MAX_INT_BITS:
        raise TemplateLimit("너무 큰 거듭제곱")
