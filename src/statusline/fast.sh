#!/bin/sh
# Buddy's statusline, the light way: print the frame that Buddy prepared for this session and this second,
# and start Node (the full `buddy statusline`) only when there is no frame it can trust: a new session,
# something changed (the transcript, the config, the session's hook or status state, Buddy itself, what
# the buddy said to an agent CLI), the prepared frames ran out, or anything here looks unusual. Node then prints the line and prepares the next
# frames.
#
# Installed as: /bin/sh /path/dist/statusline.sh NODE /path/dist/buddy.js statusline [--wrap CMD] [OPTIONS]
#
# Portable POSIX sh (dash, bash, zsh, BusyBox ash; Linux and macOS): shell builtins only, apart from one
# `dd` and one `date` per refresh (and `sleep` while stdin has nothing yet). stdin is read with a single
# bounded `dd` read, never to EOF, so a host that keeps stdin open cannot hold it up, and one that has
# written nothing is waited for READ_DEADLINE at most (read_payload); nothing a refresh starts outlives
# it, or that much when the host stops it. Every path that is not sure ends in the Node command, which
# copes with any input (one line, exit 0) within its own budget.

[ -n "${ZSH_VERSION-}" ] && emulate sh

node=${1-}
bundle=${2-}
[ $# -ge 2 ] && shift 2

# Must match the first word of the `head` file that Node writes (frames.ts).
FORMAT=buddy-frames-2
nl='
'
ws=" 	$nl"
# How long a refresh waits for the host's first byte (seconds, as `sleep` takes them): stdin is looked at
# again after each pause, in all READ_DEADLINE. Past that, Node reads stdin instead, within its budget.
PAUSES='0.01 0.04'
READ_DEADLINE=0.05
# dd, date and sleep run with LC_ALL=C: nothing they print depends on the locale, loading one costs them
# more system calls than their work does, and `sleep` then reads its time with a decimal point.

# Sets `ready` to 0 when stdin can be read without waiting (data or EOF), 1 when it cannot yet, 2 when
# the shell cannot tell: bash 4+ and BusyBox ash tell with `read -t 0`, zsh with zselect.
stdin_ready() {
  ready=2
  if [ -n "${ZSH_VERSION-}" ]; then
    if zmodload zsh/zselect 2>/dev/null; then
      zselect -t 0 -r 0 2>/dev/null
      ready=$?
    fi
  elif [ -n "${BASH_VERSION-}" ]; then
    # bash 3 would read a line here, and wait for it.
    if [ "${BASH_VERSINFO-0}" -ge 4 ] 2>/dev/null; then
      read -t 0 2>/dev/null
      ready=$?
    fi
  elif [ -z "${KSH_VERSION-}" ] && [ -n "${EPOCHREALTIME-}" ]; then
    # BusyBox ash. (dash has no EPOCHREALTIME; should one come from the environment, dash refuses -t.)
    read -t 0 2>/dev/null
    ready=$?
  fi
  # A file with something left in it never makes dd wait; nor, where fstat counts the bytes a pipe or a
  # socket holds (macOS), does one that holds some.
  [ "$ready" = 2 ] && [ -s /dev/stdin ] && ready=0
  return 0
}

# One read of stdin into `payload` by GNU dd without waiting (iflag=nonblock). Status 1: nothing to read
# yet; 2: this dd cannot (BusyBox's, BSD's). A pipe is opened anew for it, so that stdin itself still
# waits for whoever reads it next; a socket cannot be, and then reads without waiting from here on.
read_nonblocking() {
  input=
  [ -p /dev/stdin ] && input=/dev/stdin
  { payload=$(LC_ALL=C dd ${input:+"if=$input"} iflag=nonblock status=none bs=65536 count=1 2>&1); } 2>/dev/null && return 0
  case $payload in
    *'temporarily unavailable'*) payload= ;;
    *)
      payload=
      return 2
      ;;
  esac
  return 1
}

# Prints one read of stdin (dd's); with $1 `time`, then a newline, the time and a dot (see read_payload).
# Runs as a command substitution of its own: dd reads in the background, so that it can be stopped.
read_watched() {
  # An asynchronous command reads /dev/null unless told otherwise: dd gets stdin through descriptor 3.
  exec 3<&0
  LC_ALL=C dd bs=65536 count=1 <&3 3<&- 2>/dev/null &
  reader=$!
  exec 3<&-
  waiting=yes
  if [ "${1-}" = time ]; then
    # The time is needed anyway; taking it now gives dd the moment it needs for a payload already there.
    # `jobs` collects a dd that has ended (dash, ash), so that `kill -0` no longer finds it.
    stamp=$(LC_ALL=C date +%s 2>/dev/null)
    jobs >/dev/null 2>&1
    kill -0 "$reader" 2>/dev/null || waiting=
  fi
  if [ -n "$waiting" ]; then
    # dd waits for the host's first byte; a timer bounds that wait. The end of any child (the timer's,
    # or dd's own) interrupts `wait` and stops dd, which has then read what it could. The trap is set
    # before the timer starts, so even a `sleep` that fails at once cannot leave dd waiting.
    trap 'kill "$reader" 2>/dev/null' CHLD
    LC_ALL=C sleep "$READ_DEADLINE" >/dev/null 2>&1 &
    timer=$!
    wait "$reader"
    trap - CHLD
    # Nothing started here outlives this function.
    kill "$timer" 2>/dev/null
    wait "$timer"
  fi
  wait "$reader"
  [ "${1-}" = time ] && printf '\n%s.' "$stamp"
}

# Sets `payload` to one read of stdin: at most 64 KiB, whatever the host has written, without waiting for
# EOF, nor much longer than READ_DEADLINE for a first byte. Where the shell tells whether stdin is ready,
# or GNU dd reads without waiting, stdin is read by one dd as it always was, once the host has written;
# if it has not yet, stdin is looked at again after each of PAUSES, and then left to Node. Else (dash or
# bash 3 with a dd that cannot, as on macOS) dd reads in the background while `date` runs (the time is
# needed anyway: `now` is set from it), and a timer starts only if dd still waits after that; zsh, whose
# suffix patterns are quadratic on a payload of newlines, always starts the timer and takes no time.
read_payload() {
  stdin_ready
  how=probe
  # (macOS has BSD's dd.)
  if [ "$ready" = 2 ] && [ ! -d /System/Library/CoreServices ]; then
    how=nonblocking
    read_nonblocking && return
    ready=$?
  fi
  if [ "$ready" = 2 ]; then
    if [ -n "${ZSH_VERSION-}" ]; then
      { payload=$(read_watched); } 2>/dev/null
      return
    fi
    { payload=$(read_watched time); } 2>/dev/null
    # Patterns anchored at the end only: a payload of 64 KiB of newlines (`yes ''`) stays cheap.
    case $payload in
      *.)
        now=${payload##*"$nl"}
        now=${now%.}
        payload=${payload%"$nl"*}
        ;;
      *) payload= ;;
    esac
    return
  fi
  # Ready now, or after a pause, or after the next.
  set -- $PAUSES
  while :; do
    if [ "$how" = probe ] && [ "$ready" = 0 ]; then
      { payload=$(LC_ALL=C dd bs=65536 count=1 2>/dev/null); } 2>/dev/null
      return
    fi
    [ $# -gt 0 ] || break
    LC_ALL=C sleep "$1" 2>/dev/null
    shift
    if [ "$how" = nonblocking ]; then
      read_nonblocking && return
    else
      stdin_ready
    fi
  done
  # Nothing came: Node reads stdin itself.
  payload=
}

# Sets `value` to the string member $1 of the payload. Status 2: not there; 1: there but not a plain
# string (escapes, odd layout), which Node must read.
json_string() {
  case $payload in *\"$1\"*) ;; *) return 2 ;; esac
  before=${payload%%\"$1\"*}
  # Hosts put these members first; far in, leave the parsing to Node (prefix removal is quadratic in sh).
  [ ${#before} -le 1024 ] || return 1
  # A member name is preceded by `{`, `,` or blanks; inside a string a quote is always escaped.
  case $before in *[{,]|*[$ws]) ;; *) return 1 ;; esac
  rest=${payload#"$before"}
  rest=${rest#\"$1\"}
  rest=${rest#"${rest%%[!$ws]*}"}
  case $rest in :*) rest=${rest#:} ;; *) return 1 ;; esac
  rest=${rest#"${rest%%[!$ws]*}"}
  case $rest in \"*) rest=${rest#\"} ;; *) return 1 ;; esac
  case $rest in *\"*) ;; *) return 1 ;; esac
  value=${rest%%\"*}
  case $value in *\\*) return 1 ;; esac
  return 0
}

# Prints the prepared frame (after the wrapped command's output); any doubt returns 1 before printing.
fast() {
  [ "${1-}" = statusline ] || return 1
  shift
  # A terminal on either side is a person trying it out: the Node command knows the terminal's width.
  [ -t 0 ] && return 1
  [ -t 1 ] && return 1
  wrap=
  wrapped=0
  flags=
  while [ $# -gt 0 ]; do
    case $1 in
      --wrap)
        [ $# -ge 2 ] || return 1
        wrap=$2 wrapped=1
        shift 2
        ;;
      --wrap=*)
        wrap=${1#--wrap=} wrapped=1
        shift
        ;;
      --layout | --format | --width)
        [ $# -ge 2 ] || return 1
        flags="$flags $1=$2"
        shift 2
        ;;
      --layout=* | --format=* | --width=* | --ascii)
        flags="$flags $1"
        shift
        ;;
      *) return 1 ;;
    esac
  done

  read_payload
  read_stdin=1
  json_string session_id || return 1
  case $value in '' | *[!A-Za-z0-9_-]*) return 1 ;; esac
  [ ${#value} -le 80 ] || return 1
  key=$value
  json_string transcript_path
  case $? in
    0) transcript=$value ;;
    2) transcript= ;;
    *) return 1 ;;
  esac

  # Where Buddy's Node code keeps its cache (store/paths.ts), by the same rules.
  if [ -n "${BUDDY_CACHE_DIR-}" ]; then
    cache=$BUDDY_CACHE_DIR
  else
    [ -n "${HOME-}" ] || return 1
    if [ -d /System/Library/CoreServices ]; then
      cache=$HOME/Library/Caches/buddy
    elif [ -n "${XDG_CACHE_HOME+set}" ]; then
      [ -n "$XDG_CACHE_HOME" ] || return 1
      cache=$XDG_CACHE_HOME/buddy
    else
      cache=$HOME/.cache/buddy
    fi
  fi

  # Everything besides the session's files that changes what Node would draw: the colour switches, TERM
  # and the locale (which decide colour and ASCII, render/ansi.ts and render/terminal.ts) among them.
  context="[$flags|${COLUMNS-}|${NO_COLOR:+1}|${FORCE_COLOR-}|${TERM-}|${LC_ALL-}|${LC_CTYPE-}|${LANG-}|${BUDDY_USER_ID-}|${BUDDY_CONFIG_DIR-}|${XDG_CONFIG_HOME-}|${CLAUDE_CONFIG_DIR-}|${HOME-}|$transcript]"
  case $context in *"$nl"*) context= ; return 1 ;; esac

  root=$cache/statusline-frames
  dir=$root/$key
  # Only regular files are read: opening a FIFO planted in the cache would block this refresh for good.
  [ -f "$dir/head" ] || return 1
  { IFS=' ' read -r format gen from until period coarse map prepared <"$dir/head"; } 2>/dev/null || return 1
  [ "$format" = "$FORMAT" ] && [ "$prepared" = "$context" ] || return 1
  case $gen in '' | *[!a-z0-9-]*) return 1 ;; esac
  case "$from.$until.$period.$coarse" in *[!0-9.]* | *..* | .* | *.) return 1 ;; esac
  case $map in '' | *[!0-9a-z]*) return 1 ;; esac
  [ "$period" -ge 1 ] && [ ${#map} -eq "$period" ] || return 1

  [ -n "$now" ] || { [ -n "${BASH_VERSION-}" ] && now=${EPOCHSECONDS-}; }
  [ -n "$now" ] || now=$(LC_ALL=C date +%s 2>/dev/null)
  case $now in '' | *[!0-9]*) return 1 ;; esac
  [ "$now" -ge "$from" ] && [ "$now" -lt "$until" ] || return 1

  frames=$dir/$gen
  # Frames prepared while a watched file was still in its last second are for shells and file systems
  # that compare modification times finer than whole seconds only (the two probe files, a tenth and nine
  # tenths into the same second, tell). A `test` without -nt (status 2) trusts nothing.
  [ "$root/p.hi" -nt "$root/p.lo" ]
  case $?$coarse in 0? | 11) ;; *) return 1 ;; esac
  # Anything written since Node looked: the transcript, config, hook and status state, Buddy itself, and
  # the agent's status state (a reaction told through MCP). Builtin tests only: no process per file.
  for watched in t c h s b a; do
    [ "$dir/w.$watched" -nt "$frames/s.$watched" ]
    [ $? -eq 1 ] || return 1
  done

  # The frame of this second of the loop: the map's character at (now % period).
  rest=$map
  skip=$((now % period))
  while [ "$skip" -gt 0 ]; do
    rest=${rest#?}
    skip=$((skip - 1))
  done
  frame=
  shown=$frames/f${rest%"${rest#?}"}
  [ -f "$shown" ] || return 1
  { while IFS= read -r line; do frame=$frame$line$nl; done <"$shown"; } 2>/dev/null || return 1
  [ -n "$frame" ] || return 1

  if [ "$wrapped" = 1 ]; then
    # The wrapped command gets the payload whole, or Node reads the rest of it.
    case $payload in *} | *}"$nl") ;; *) return 1 ;; esac
    output=$(printf '%s' "$payload" | /bin/sh -c "$wrap" 2>/dev/null)
    [ -n "$output" ] && printf '%s\n' "$output"
  fi
  printf '%s' "$frame"
  return 0
}

read_stdin=
payload=
now=
key=
transcript=
context=
fast "$@" && exit 0

# The Node command: it draws the line and prepares the next frames. What was read from stdin goes along.
if [ ! -x "$node" ] || [ ! -f "$bundle" ]; then
  printf '%s\n' '(·_·) buddy'
  exit 0
fi
if [ -n "$read_stdin" ]; then
  export BUDDY_STATUSLINE_HEAD="$payload" BUDDY_STATUSLINE_KEY="$key" BUDDY_STATUSLINE_TRANSCRIPT="$transcript" BUDDY_STATUSLINE_CONTEXT="$context"
fi
exec "$node" "$bundle" "$@"
