# cli_lib.sh: the helpers both CLI test scripts use (sourced; bash).
# Each script sets SIMCHECK and TMP; the helpers keep pass/fail counts and
# the last run in $TMP/out, $TMP/err and $rc, and show that run on failure.

pass=0
fail=0

ok() { pass=$((pass + 1)); }

# show: the last command and the start of its output (on failure).
show() {
  echo "    command: ${cmd}" >&2
  head -n 6 "$TMP/err" | awk '{ print "    stderr: " $0 }' >&2
  head -n 4 "$TMP/out" | awk '{ print "    stdout: " substr($0, 1, 200) }' >&2
}

ko() {
  fail=$((fail + 1))
  echo "FAIL: $*" >&2
}

# Text output follows $COLUMNS when it is set; the expectations are for
# the default widths.
unset COLUMNS

# run ARGS...: runs simcheck, keeps stdout, stderr and the exit status.
run() {
  cmd="simcheck $*"
  "$SIMCHECK" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

# run_stdin FILE ARGS...: same, with FILE on standard input.
run_stdin() {
  local f=$1
  shift
  cmd="simcheck $* < $f"
  "$SIMCHECK" "$@" <"$f" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

expect_rc() { # WANT WHAT
  if [ "$rc" -eq "$1" ]; then ok; else
    ko "$2: exit status $rc, want $1"
    show
  fi
}

expect_eq() { # GOT WANT WHAT
  if [ "$1" = "$2" ]; then ok; else
    ko "$3: got '$1', want '$2'"
    show
  fi
}

# Usage errors: exit 1, message and hint on stderr, nothing on stdout.
usage_error() { # MESSAGE WHAT ARGS...
  local msg=$1 what=$2
  shift 2
  run "$@"
  expect_rc 1 "$what"
  expect_err_line "$msg" "$what"
  expect_out_empty "$what"
}

# has_line FILE LINE: FILE holds exactly this line (no regex, no escapes).
has_line() { L=$2 awk '$0 == ENVIRON["L"] { f = 1 } END { exit !f }' "$1"; }

# expect_in FILE GREP_FLAGS TEXT WHAT HOW: FILE matches TEXT (fixed string)
# under the grep flags; HOW words the failure.
expect_in() {
  if grep -Fq"$2" -- "$3" "$1"; then ok; else
    ko "$4: $5 '$3'"
    show
  fi
}
expect_err_line() { expect_in "$TMP/err" x "$1" "$2" "stderr lacks the line"; }  # LINE WHAT
expect_out_line() { expect_in "$TMP/out" x "$1" "$2" "stdout lacks the line"; }  # LINE WHAT
expect_err_has() { expect_in "$TMP/err" "" "$1" "$2" "stderr lacks"; }           # TEXT WHAT
expect_out_has() { expect_in "$TMP/out" "" "$1" "$2" "stdout lacks"; }           # TEXT WHAT

expect_err_prefix() { # PREFIX WHAT: some stderr line starts with PREFIX
  if L=$1 awk 'index($0, ENVIRON["L"]) == 1 { f = 1 } END { exit !f }' "$TMP/err"; then ok; else
    ko "$2: no stderr line starts with '$1'"
    show
  fi
}

expect_out_empty() { # WHAT
  if [ ! -s "$TMP/out" ]; then ok; else
    ko "$1: stdout should be empty"
    show
  fi
}
expect_err_empty() { # WHAT
  if [ ! -s "$TMP/err" ]; then ok; else
    ko "$1: stderr should be empty"
    show
  fi
}

# Can a command run under a pseudo-terminal here (util-linux's script)? A
# chroot without /dev/pts cannot: the terminal-only checks are skipped there.
have_pty() { command -v script >/dev/null && script -qc true /dev/null >/dev/null 2>&1; }
