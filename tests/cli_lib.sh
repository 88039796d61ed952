# cli_lib.sh: the helpers both CLI test scripts use (sourced; bash).
# Each script sets SIMCHECK and TMP and defines show() for its failure
# output; the helpers keep pass/fail counts and the last run in $TMP/out,
# $TMP/err and $rc.

pass=0
fail=0

ok() { pass=$((pass + 1)); }

ko() {
  fail=$((fail + 1))
  echo "FAIL: $*" >&2
}

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
