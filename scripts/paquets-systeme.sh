#!/usr/bin/env bash
# Install the Debian packages given as arguments when some are missing.
# As root: apt-get (after one `apt-get update`). Otherwise: say what to install.
set -euo pipefail
manquants=()
for paquet in "$@"; do
    dpkg-query -W -f='${Status}' "$paquet" 2>/dev/null | grep -q "install ok installed" || manquants+=("$paquet")
done
((${#manquants[@]} == 0)) && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installation des paquets système : ${manquants[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null >/dev/null
    apt-get install -y -qq --no-install-recommends "${manquants[@]}" </dev/null >/dev/null
else
    echo "Paquets système manquants (à installer en root) : ${manquants[*]}" >&2
fi
