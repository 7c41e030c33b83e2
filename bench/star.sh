# bench/star.sh: the star topology of the discovery benchmarks, sourced by bench/discovery and bench/scale.
# A hub namespace PREFIXhub and N spokes PREFIX1..PREFIXN, each spoke joined to the hub by a veth (hI in the
# hub, eth0 in the spoke), lo up, a /30 from 10.250.0.0/16 at both ends: N+1 namespaces, N veth pairs,
# ~2N addresses with the IPv6 link-locals, ~2N main-table routes. Built with a few `ip -batch` runs.
#   star_build PREFIX N WORKDIR   builds it; its namespaces are listed in star_created
#   star_teardown                 deletes them (call it from an EXIT trap too)
#   star_wait_cleanup             waits (at most 300 s) until the kernel has freed deleted namespaces
star_created=()

# the hub end of spoke i is 10.250.x.(4k+1)/30, the spoke end 10.250.x.(4k+2)/30
star_addr() { local i=$1 end=$2; echo "10.250.$(( (4 * i) / 256 )).$(( (4 * i) % 256 + end ))/30"; }

star_build() {
    local p=$1 n=$2 work=$3 i
    (( n <= 16000 )) || { echo "star: at most 16000 spokes fit in 10.250.0.0/16" >&2; return 2; }
    { for (( i = 1; i <= n; i++ )); do echo "netns add $p$i"; done; echo "netns add ${p}hub"; } >"$work/ns.batch"
    star_created=("${p}hub")
    for (( i = 1; i <= n; i++ )); do star_created+=("$p$i"); done
    ip -b "$work/ns.batch"
    for (( i = 1; i <= n; i++ )); do
        echo "link add h$i netns ${p}hub type veth peer name eth0 netns $p$i"
    done >"$work/links.batch"
    ip -b "$work/links.batch"
    { echo "link set lo up"
      for (( i = 1; i <= n; i++ )); do echo "addr add $(star_addr "$i" 1) dev h$i"; echo "link set h$i up"; done
    } >"$work/hub.batch"
    ip -n "${p}hub" -b "$work/hub.batch"
    for (( i = 1; i <= n; i++ )); do
        printf 'link set lo up\naddr add %s dev eth0\nlink set eth0 up\n' "$(star_addr "$i" 2)" | ip -n "$p$i" -b -
    done
}

star_teardown() {
    local ns
    for ns in "${star_created[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    star_created=()
}

# The kernel frees deleted namespaces later, in its cleanup_net worker (seconds for a thousand): a
# measurement taken meanwhile shares the machine with it. Waits until no "+netns" kworker has been seen
# for two seconds running.
star_wait_cleanup() {
    local quiet=0 i
    for (( i = 0; i < 300 && quiet < 2; i++ )); do
        if ps -eo comm= | grep -q '+netns'; then quiet=0; else quiet=$((quiet + 1)); fi
        sleep 1
    done
}
