# Shared by the bench scripts (sourced, from the repository's top folder).

# Builds target/dynctl (mvn package, tests skipped) unless it is newer than every source;
# target/.dynctl-built marks the last build by a bench script or scripts/tour.sh. $1: a folder for the build's log.
build_dynctl() {
  local scratch=$1 stamp=target/.dynctl-built
  if [ ! -x target/dynctl/bin/dynctl ] || [ ! -e "$stamp" ] || [ -n "$(find src/main pom.xml packaging -newer "$stamp" -print -quit)" ]; then
    echo "bench: building dynctl (mvn package, tests skipped)" >&2
    if ! mvn -q -B -Dstyle.color=never package -DskipTests >"$scratch/build.log" 2>&1; then
      cat "$scratch/build.log" >&2
      exit 1
    fi
    touch "$stamp"
  fi
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
