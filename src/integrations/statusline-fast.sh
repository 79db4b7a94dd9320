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
# `dd` and one `date` per refresh. stdin is read with a single bounded `dd` read, never to EOF, so a host
# that keeps stdin open cannot hold it up. Every path that is not sure ends in the Node command, which
# copes with any input (one line, exit 0).

[ -n "${ZSH_VERSION-}" ] && emulate sh

node=${1-}
bundle=${2-}
[ $# -ge 2 ] && shift 2

# Must match the first word of the `head` file that Node writes (statusline-frames.ts).
FORMAT=buddy-frames-2
nl='
'
ws=" 	$nl"

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

  # One read of at most 64 KiB: whatever the host has written, without waiting for EOF.
  { payload=$(dd bs=65536 count=1 2>/dev/null); } 2>/dev/null
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

  now=
  [ -n "${BASH_VERSION-}" ] && now=${EPOCHSECONDS-}
  [ -n "$now" ] || now=$(date +%s 2>/dev/null)
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
    case $payload in *}) ;; *) return 1 ;; esac
    output=$(printf '%s' "$payload" | /bin/sh -c "$wrap" 2>/dev/null)
    [ -n "$output" ] && printf '%s\n' "$output"
  fi
  printf '%s' "$frame"
  return 0
}

read_stdin=
payload=
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
