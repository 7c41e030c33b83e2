// The C floor of `netcr snapshot`: what a snapshot asks of the kernel, done by the shortest program that
// can, and nothing decoded. Like netcr it finds the namespaces by /run/netns and by every process's
// /proc/PID/ns/net (one per inode), opens one NETLINK_ROUTE socket inside each namespace (setns on a
// worker thread, strict checking, a 1 MiB receive buffer), and dumps there:
//   links (RTEXT_FILTER_SKIP_STATS), addresses, main-table routes (one AF_UNSPEC dump the kernel
//   filters), and the namespace's nsids (one RTM_GETNSID dump; netcr asks for them one peer at a time);
//   with -r also the policy rules (RTM_GETRULE; netcr's checkpoint reads them, its snapshot does not).
// Worker threads: -t N (default: as many as netcr's pool, max(2, cores)). Prints what it counted and the
// wall milliseconds from start to end. Build: gcc -O2 -pthread -o floor bench/floor.c
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/fib_rules.h>
#include <linux/if_link.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "nl-count.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

enum { LINKS, ADDRS, ROUTES, NSIDS, RULES, KINDS };
static const char *kind_names[KINDS] = {"links", "addrs", "routes", "nsids", "rules"};

static int *ns_fds;
static ino_t *ns_inodes;
static int n_ns, cap_ns;
static atomic_int next_ns;
static atomic_long counts[KINDS];
static atomic_int failures;
static int with_rules;

static void add_namespace(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return;
    for (int i = 0; i < n_ns; i++)
        if (ns_inodes[i] == st.st_ino) return; // seen already (a process in a named namespace)
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    if (n_ns == cap_ns) {
        cap_ns = cap_ns ? 2 * cap_ns : 256;
        ns_fds = realloc(ns_fds, cap_ns * sizeof *ns_fds);
        ns_inodes = realloc(ns_inodes, cap_ns * sizeof *ns_inodes);
    }
    ns_fds[n_ns] = fd;
    ns_inodes[n_ns++] = st.st_ino;
}

static void find_namespaces(void) {
    char path[300];
    DIR *d = opendir("/run/netns");
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/run/netns/%s", e->d_name);
        add_namespace(path);
    }
    if (d) closedir(d);
    d = opendir("/proc");
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        snprintf(path, sizeof path, "/proc/%s/ns/net", e->d_name);
        add_namespace(path);
    }
    if (d) closedir(d);
}

// One dump request: the header, the family's struct, and at most one u32 attribute.
static long dump(int fd, char *buf, int type) {
    struct {
        struct nlmsghdr h;
        union { struct ifinfomsg i; struct ifaddrmsg a; struct rtmsg r; struct rtgenmsg g; struct fib_rule_hdr f; } u;
        char attrs[16];
    } req;
    memset(&req, 0, sizeof req);
    int body = type == RTM_GETLINK ? sizeof(struct ifinfomsg) : type == RTM_GETADDR ? sizeof(struct ifaddrmsg)
             : type == RTM_GETROUTE ? sizeof(struct rtmsg) : type == RTM_GETRULE ? sizeof(struct fib_rule_hdr)
             : sizeof(struct rtgenmsg);
    req.h.nlmsg_len = NLMSG_LENGTH(body);
    req.h.nlmsg_type = type;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.h.nlmsg_seq = 1;
    int attr = 0, value = 0;
    if (type == RTM_GETLINK) { attr = IFLA_EXT_MASK; value = RTEXT_FILTER_SKIP_STATS; }
    if (type == RTM_GETROUTE) { req.u.r.rtm_table = RT_TABLE_MAIN; attr = RTA_TABLE; value = RT_TABLE_MAIN; }
    if (attr) {
        struct rtattr *a = (void *)((char *)&req + NLMSG_ALIGN(req.h.nlmsg_len));
        a->rta_type = attr;
        a->rta_len = RTA_LENGTH(4);
        memcpy(RTA_DATA(a), &value, 4);
        req.h.nlmsg_len = NLMSG_ALIGN(req.h.nlmsg_len) + RTA_ALIGN(a->rta_len);
    }
    if (send(fd, &req, req.h.nlmsg_len, 0) < 0) return -1;
    return nl_count_dump(fd, buf);
}

static void *worker(void *unused) {
    (void)unused;
    char *buf = malloc(1 << 16);
    int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    static const int types[KINDS] = {RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE, RTM_GETNSID, RTM_GETRULE};
    for (int i; (i = atomic_fetch_add(&next_ns, 1)) < n_ns;) {
        if (setns(ns_fds[i], CLONE_NEWNET) != 0) { atomic_fetch_add(&failures, 1); continue; }
        int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        int one = 1, rcvbuf = 1 << 20;
        setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf);
        setsockopt(s, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
        for (int k = 0; k < KINDS; k++) {
            if (k == RULES && !with_rules) continue;
            long n = dump(s, buf, types[k]);
            if (n < 0) atomic_fetch_add(&failures, 1); else atomic_fetch_add(&counts[k], n);
        }
        close(s);
    }
    setns(home, CLONE_NEWNET);
    close(home);
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores > 2 ? (int)cores : 2;
    for (int opt; (opt = getopt(argc, argv, "t:r")) != -1;) {
        if (opt == 't') threads = atoi(optarg);
        else if (opt == 'r') with_rules = 1;
        else { fprintf(stderr, "usage: floor [-t THREADS] [-r]\n"); return 2; }
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    find_namespaces();
    pthread_t tids[64];
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) pthread_create(&tids[t], NULL, worker, NULL);
    for (int t = 0; t < threads; t++) pthread_join(tids[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("netns=%d threads=%d", n_ns, threads);
    for (int k = 0; k < KINDS; k++)
        if (k != RULES || with_rules) printf(" %s=%ld", kind_names[k], atomic_load(&counts[k]));
    printf(" failures=%d ms=%.1f\n", atomic_load(&failures),
           (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
    return 0;
}
