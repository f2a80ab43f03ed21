# Sourced by the launcher scripts: points JAVA_HOME at a JDK 21 or newer, or stops with one line.
# Order: JAVA_HOME when it is 21+, then the JDKs installed under /usr/lib/jvm (newest first),
# then the java on the PATH.

# From the JDK's release file when it has one (no JVM start), else from the JVM itself.
java_major() {
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "$major"
}

jdk_fits() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] &&
    [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

find_jdk() {
  if jdk_fits "${JAVA_HOME:-}"; then
    echo "$JAVA_HOME"
    return
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    if jdk_fits "${candidate%/}"; then
      echo "${candidate%/}"
      return
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if jdk_fits "$candidate"; then
      echo "$candidate"
      return
    fi
  fi
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "license-keys needs a JDK 21 or newer: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 25 from adoptium.net) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
