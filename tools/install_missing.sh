#!/bin/sh
# Installs the Debian packages of the programs that are missing (as root, with apt-get),
# or says how to install them and fails. Only what is missing is asked for: Node.js from
# NodeSource brings its own npm, and asking apt for Debian's npm beside it fails.
#   sh tools/install_missing.sh WHAT-NEEDS-THEM OTHER-WAY PROGRAM[=PACKAGE] ...
# OTHER-WAY is one more install command to suggest, or "".
purpose=$1
other=$2
shift 2
missing=""
for program in "$@"; do
	command -v "${program%%=*}" >/dev/null 2>&1 || missing="$missing ${program#*=}"
done
missing=${missing# }
if [ -z "$missing" ]; then
	exit 0
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing $missing (Debian packages) for $purpose ..."
	DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
	echo "$purpose needs $missing. Install it with one of:"
	echo "  sudo apt-get install $missing   |   brew install $(echo $missing | sed s/npm/node/)${other:+   |   $other}"
	exit 1
fi
