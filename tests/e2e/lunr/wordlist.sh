#!/usr/bin/env bash
# Prints a real word list of a language, one word a line, from Debian
# packages (scripts/debian-packages.txt installs them):
#   fr  wfrench      /usr/share/dict/french
#   es  wspanish     /usr/share/dict/spanish
#   ru  hunspell-ru  ru_RU.dic expanded with hunspell-tools' unmunch
#   ar  hunspell-ar  ar.dic expanded with unmunch
# Usage: wordlist.sh LANG
set -euo pipefail
need() { [ -e "$1" ] || { echo "wordlist.sh: $1 is missing (install $2)" >&2; exit 1; }; }
case "$1" in
  fr) need /usr/share/dict/french wfrench; cat /usr/share/dict/french ;;
  es) need /usr/share/dict/spanish wspanish; cat /usr/share/dict/spanish ;;
  ru | ar)
    dic=/usr/share/hunspell/$([ "$1" = ru ] && echo ru_RU || echo ar)
    need "$dic.dic" "hunspell-$1"
    command -v unmunch >/dev/null || { echo "wordlist.sh: unmunch is missing (install hunspell-tools)" >&2; exit 1; }
    unmunch "$dic.dic" "$dic.aff" 2>/dev/null ;;
  *) echo "wordlist.sh: no word list for '$1'" >&2; exit 1 ;;
esac
