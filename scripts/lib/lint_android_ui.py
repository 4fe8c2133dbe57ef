"""The Android UI lint: a composable in :app's UI package draws the :shell
state as it is. It fails on any file there that formats or computes with
values (String.format, templates, toString, number formatters, + - * / %),
imports the generated core package (only the session wiring outside ui/
may), starts threads or coroutines, or catches errors.

Usage: lint_android_ui.py DIR...   (exit 1 and one line per problem)
       lint_android_ui.py --self-test
"""

import contextlib
import io
import pathlib
import re
import sys
import tempfile

# (rule name, pattern over code with strings and comments removed)
CODE_RULES = [
    ("core import", re.compile(r"^\s*import\s+app\.patella\.core\b", re.M)),
    ("math import", re.compile(r"^\s*import\s+(kotlin\.math|java\.math|java\.text|java\.time)\b", re.M)),
    ("formatting", re.compile(r"\.format\s*\(|\bString\.format\b|\bDecimalFormat\b|\bNumberFormat\b|"
                              r"\bSimpleDateFormat\b|\bDateTimeFormatter\b|\.toString\s*\(|"
                              r"\bbuildString\b|\.padStart\s*\(|\.padEnd\s*\(|\.roundTo\w*\s*\(|"
                              r"\.to(Int|Long|Float|Double|Short|Byte)\s*\(")),
    ("arithmetic", re.compile(r"[\w)\]]\s*(\+|-(?!>)|\*|/|%)\s*[\w(.]")),
    ("arithmetic", re.compile(r"(\+|-|\*|/|%)=|\+\+|--|\b(plus|minus|times|div|rem)\s*\(|\bMath\.")),
    ("threading", re.compile(r"\bDispatchers\b|\blaunch\s*\{|\basync\s*\{|\brunBlocking\b|\bwithContext\b|"
                             r"\bThread\b|\bGlobalScope\b|\bExecutors?\b|\bHandler\s*\(")),
    ("error handling", re.compile(r"\btry\s*\{|\bcatch\s*\(|\brunCatching\b")),
]
# In string literals: templates and format specifiers are formatting too.
STRING_RULES = [
    ("formatting", re.compile(r"\$\{|\$[A-Za-z_]|%[-+ 0#,(]*\d*(\.\d+)?[dfsxeg]")),
]

STRING = re.compile(r'"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])+\'')
COMMENT = re.compile(r"//[^\n]*|/\*(?:.|\n)*?\*/")


def split(text):
    """The code with strings and comments blanked (lines kept), and the strings."""
    strings = []

    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))

    def keep_string(m):
        strings.append((m.start(), m.group(0)))
        return blank(m)

    # Comments first would eat "//" inside strings; strings first would eat
    # quotes inside comments. Take whichever starts first, repeatedly.
    out, pos = [], 0
    token = re.compile(STRING.pattern + "|" + COMMENT.pattern)
    for m in token.finditer(text):
        out.append(text[pos:m.start()])
        if m.group(0).startswith(("//", "/*")):
            out.append(blank(m))
        else:
            out.append(keep_string(m))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), strings


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def check_file(path):
    text = path.read_text(encoding="utf-8")
    code, strings = split(text)
    problems = []
    # The package line and imports are names, not arithmetic ("import a.b.*").
    names_only = re.sub(r"^\s*(package|import)\s+[^\n]*", lambda m: m.group(0) if "app.patella.core" in m.group(0)
                        or re.search(r"kotlin\.math|java\.(math|text|time)", m.group(0)) else " " * len(m.group(0)),
                        code, flags=re.M)
    for rule, pattern in CODE_RULES:
        for m in pattern.finditer(names_only):
            problems.append(f"{path}:{line_of(text, m.start())}: {rule}: {m.group(0).strip()}")
    for offset, literal in strings:
        for rule, pattern in STRING_RULES:
            for m in pattern.finditer(literal):
                problems.append(f"{path}:{line_of(text, offset)}: {rule} in a string: {m.group(0)}")
    return problems


def lint(dirs):
    files = sorted(f for d in dirs for f in pathlib.Path(d).rglob("*.kt"))
    if not files:
        print(f"lint-android-ui: no Kotlin files under {' '.join(dirs)}", file=sys.stderr)
        return 1
    problems = [p for f in files for p in check_file(f)]
    for p in problems:
        print(p)
    print(f"lint-android-ui: {len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


GOOD = '''package app.patella.app.ui
import androidx.compose.material3.Text
import app.patella.shell.screens.RunUiState
// A comment may say 2 + 2 or "%d" without harm.
@Composable
fun Countdown(state: RunUiState, onPause: () -> Unit) {
    Column(Modifier.padding(16.dp).fillMaxWidth(0.5f)) {
        Text(state.countdownLabel)
        Text(stringResource(R.string.run_pause))
        state.strip.forEach { piece -> Box(Modifier.weight(piece.weight)) }
        if (state.canPause) Button(onClick = onPause) { Text("Pause, 1/2 way") }
        Spacer(Modifier.height(-1.dp))
    }
}
'''

BAD = {
    "core import": "import app.patella.core.RunScreen\n",
    "formatting": 'fun A(s: S) { Text(String.format("%d", s.count)) }\n',
    "formatting in a string": 'fun A(s: S) { Text("${s.count} steps") }\n',
    "toString": "fun A(s: S) { Text(s.count.toString()) }\n",
    "template": 'fun A(s: S) { Text("$name") }\n',
    "arithmetic": "fun A(s: S) { Text(s.labels[s.index + 1]) }\n",
    "division": "fun A(s: S) { Box(Modifier.weight(s.done / s.total)) }\n",
    "compound": "fun A(s: S) { var x = 0; x += s.count }\n",
    "conversion": "fun A(s: S) { Box(Modifier.weight(s.count.toFloat())) }\n",
    "threading": "fun A(s: S) { scope.launch { s.load() } }\n",
    "error handling": "fun A(s: S) { try { s.load() } catch (e: Exception) { } }\n",
    "number formatter": "fun A(s: S) { Text(DecimalFormat(\"0.0\").format(s.pace)) }\n",
}


def self_test():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        good = pathlib.Path(tmp, "good", "Good.kt")
        good.parent.mkdir()
        good.write_text(GOOD)
        if check_file(good):
            failures.append(f"a clean composable was refused: {check_file(good)}")
        for name, body in BAD.items():
            bad = pathlib.Path(tmp, "bad-" + name.replace(" ", "-"), "Bad.kt")
            bad.parent.mkdir()
            bad.write_text("package app.patella.app.ui\n" + body)
            with contextlib.redirect_stdout(io.StringIO()):
                refused = lint([str(bad.parent)]) != 0
            if not refused:
                failures.append(f"{name}: a bad composable passed")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            empty_refused = lint([str(pathlib.Path(tmp, "empty"))]) != 0
        if not empty_refused:
            failures.append("an empty UI folder passed")
    for f in failures:
        print("self-test: " + f, file=sys.stderr)
    print(f"lint-android-ui self-test: {len(BAD) + 2 - len(failures)} of {len(BAD) + 2} cases as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(lint(sys.argv[1:]))
