# Installs the Kotlin toolchain used to compile and run the JVM tests of the
# generated bindings: kotlinc from the npm package, JNA and the JUnit console
# launcher from Debian.
# shellcheck shell=bash

KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
KOTLIN_HOME="$PATELLA_CACHE/kotlinc-$KOTLIN_VERSION"
JNA_JAR=/usr/share/java/jna.jar
JUNIT_JAR=/usr/share/java/junit-platform-console-standalone.jar

ensure_kotlin() {
  apt_install libjna-java junit5 default-jdk-headless
  [ -f "$JNA_JAR" ] || die "JNA jar missing at $JNA_JAR after installing libjna-java"
  [ -f "$JUNIT_JAR" ] || die "JUnit console launcher missing at $JUNIT_JAR after installing junit5"
  if [ ! -x "$KOTLIN_HOME/bin/kotlinc" ]; then
    command -v npm >/dev/null || apt_install npm
    say "fetching kotlinc $KOTLIN_VERSION (npm package kotlin-compiler)"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null)
    mkdir -p "$tmp/x"
    tar -xzf "$tmp"/kotlin-compiler-*.tgz -C "$tmp/x"
    # The tarball holds the kotlinc distribution under package/ (bin/, lib/).
    local root
    root=$(dirname "$(dirname "$(find "$tmp/x" -path '*/bin/kotlinc' | head -n 1)")")
    [ -x "$root/bin/kotlinc" ] || chmod +x "$root"/bin/* 2>/dev/null || true
    [ -f "$root/bin/kotlinc" ] || die "kotlinc not found inside the kotlin-compiler package"
    chmod +x "$root"/bin/*
    mkdir -p "$PATELLA_CACHE"
    rm -rf "$KOTLIN_HOME"
    mv "$root" "$KOTLIN_HOME"
    rm -rf "$tmp"
  fi
  export KOTLIN_HOME JNA_JAR JUNIT_JAR
}
