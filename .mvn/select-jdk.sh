# Sourced by ./mvnw and ./jbang: point JAVA_HOME at a JDK 25 or newer, or stop with one line that
# says how to get one. Order: $JAVA_HOME if it is new enough, then the usual install places.
# LABKIT_JDK_SEARCH (space-separated globs) replaces the usual places; tests use it.

labkit_java_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

labkit_select_jdk() {
  local want=25 candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(labkit_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then return 0; fi
  fi
  local places=${LABKIT_JDK_SEARCH-"/usr/lib/jvm/* $HOME/.sdkman/candidates/java/* $HOME/.jdks/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home"}
  local noglob=0
  case $- in *f*) noglob=1; set +f ;; esac  # mvnw runs with globbing off
  for candidate in $places; do
    major=$(labkit_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then
      export JAVA_HOME="$candidate"
      [ "$noglob" = 1 ] && set -f
      return 0
    fi
  done
  [ "$noglob" = 1 ] && set -f
  echo "labkit: no JDK $want or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked in ${places}); install one, e.g. 'apt-get install temurin-25-jdk' or 'sdk install java 25-tem', then set JAVA_HOME to it" >&2
  return 1
}
