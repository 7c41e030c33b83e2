# Shared by bench/discovery, bench/restore, bench/remote, bench/scale, bench/startup and bench/live (sourced, not run): how every contestant is timed, so that
# each is timed the same way (docs/performance.md, "How the benchmarks time"):
#   - REPEATS rounds (at least 5); in each round every contestant runs once, in the same order, so that a
#     busy moment of the shared machine falls on all of them rather than on whichever runs first;
#   - before every timed run, the same settle();
#   - a figure is the median of its rounds, shown with its minimum and maximum;
#   - the timed section holds the contestant's command and nothing else: inputs (addresses, batch files,
#     scripts) are made before the clock starts.

REPEATS=${REPEATS:-5}
(( REPEATS >= 5 )) || { echo "bench: REPEATS must be at least 5 (a median of fewer says little here)" >&2; exit 2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wall milliseconds of one run of a command (its output is the caller's to redirect)
elapsed_ms() {
    local t0 t1
    t0=$(now_ms); "$@" || true; t1=$(now_ms); echo $((t1 - t0))
}

# "median min max" of the numbers on stdin (one per line)
stats() {
    sort -g | awk '{a[NR] = $1} END { if (NR == 0) { print "? ? ?"; exit }
        printf "%s %s %s\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
}

# The same wait before every timed run. The kernel frees deleted namespaces later, in its cleanup_net
# worker (seconds for a thousand): wait until no "kworker/...+netns" runs, at most 30 s, so that one
# contestant's teardown is not charged to the next. Then wait until at most SETTLE_RUNNABLE tasks are
# runnable (this script included), at most SETTLE_LOAD_S seconds: other people's builds share the machine
# and are not ours to wait out, so that wait is capped and the load is printed with the results.
SETTLE_RUNNABLE=${SETTLE_RUNNABLE:-2}
SETTLE_LOAD_S=${SETTLE_LOAD_S:-3}
settle() {
    local i
    for (( i = 0; i < 150; i++ )); do
        ps -eo comm= | grep -q '+netns' || break
        sleep 0.2
    done
    for (( i = 0; i < SETTLE_LOAD_S * 5; i++ )); do
        (( $(awk '{print $4}' /proc/loadavg | cut -d/ -f1) <= SETTLE_RUNNABLE )) && return 0
        sleep 0.2
    done
}

# the hub end of spoke i is 10.250.x.(4k+1)/30, the spoke end 10.250.x.(4k+2)/30
addr_of() { local i=$1 end=$2; echo "10.250.$(( (4 * i) / 256 )).$(( (4 * i) % 256 + end ))/30"; }

# The star of bench/discovery, bench/scale, bench/startup and bench/live: a hub PREFIXhub and N spokes PREFIX1..N,
# each spoke joined to the hub by a veth (hI in the hub, eth0 in the spoke), lo up, a /30 of addr_of at
# both ends: N+1 namespaces, N veth pairs, ~2N addresses with the IPv6 link-locals, ~2N main-table
# routes. Made with a few `ip -batch` runs; its namespaces are added to the caller's `created` array
# (for its teardown).
build_star() { # PREFIX N WORKDIR
    local p=$1 n=$2 work=$3 i
    for (( i = 1; i <= n; i++ )); do echo "netns add $p$i"; done >"$work/ns.batch"
    echo "netns add ${p}hub" >>"$work/ns.batch"
    created+=("${p}hub")
    for (( i = 1; i <= n; i++ )); do created+=("$p$i"); done
    ip -b "$work/ns.batch"
    for (( i = 1; i <= n; i++ )); do
        echo "link add h$i netns ${p}hub type veth peer name eth0 netns $p$i"
    done >"$work/links.batch"
    ip -b "$work/links.batch"
    { echo "link set lo up"
      for (( i = 1; i <= n; i++ )); do echo "addr add $(addr_of "$i" 1) dev h$i"; echo "link set h$i up"; done
    } >"$work/hub.batch"
    ip -n "${p}hub" -b "$work/hub.batch"
    for (( i = 1; i <= n; i++ )); do
        printf 'link set lo up\naddr add %s dev eth0\nlink set eth0 up\n' "$(addr_of "$i" 2)" | ip -n "$p$i" -b -
    done
}

# "median ms (min-max)" for a "median min max" line
show() { awk '{ printf "%s ms (%s-%s)", $1, $2, $3 }' <<<"$1"; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
