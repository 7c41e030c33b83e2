// The C floor with kept sockets (bench/discovery's second floor, beside nldump.c): what a warm refresh of
// netcr asks the kernel, in C and decoding nothing. One NETLINK_ROUTE socket per /run/netns namespace is
// opened beforehand (untimed, as netcr keeps its sockets), then per namespace the same three dumps netcr
// makes (links with RTEXT_FILTER_SKIP_STATS, addresses, main-table routes with strict checking) on N
// threads (argv[1], default 1; netcr's refresh uses two here). Prints the time of each of 5 rounds; the
// bench takes the median of rounds 2-5, as it takes netcr's runs 2-5.
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <time.h>
#include <pthread.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "nl-count.h"
#include <linux/if_link.h>
static int socks[4096]; static int nsocks;
static long dump(int fd, char *buf, int type, int family) {
  struct { struct nlmsghdr h; union { struct ifinfomsg i; struct ifaddrmsg a; struct rtmsg r; } u; char attrs[64]; } req;
  memset(&req, 0, sizeof req);
  int blen = type==RTM_GETLINK? sizeof(struct ifinfomsg): type==RTM_GETADDR? sizeof(struct ifaddrmsg): sizeof(struct rtmsg);
  req.h.nlmsg_len = NLMSG_LENGTH(blen);
  req.h.nlmsg_type = type; req.h.nlmsg_flags = NLM_F_REQUEST|NLM_F_DUMP; req.h.nlmsg_seq = 1;
  if (type==RTM_GETLINK) { req.u.i.ifi_family = family;
    struct rtattr *a = (void*)((char*)&req + NLMSG_ALIGN(req.h.nlmsg_len)); a->rta_type = IFLA_EXT_MASK; a->rta_len = RTA_LENGTH(4); *(int*)RTA_DATA(a) = RTEXT_FILTER_SKIP_STATS; req.h.nlmsg_len = NLMSG_ALIGN(req.h.nlmsg_len) + RTA_ALIGN(a->rta_len); }
  else if (type==RTM_GETADDR) req.u.a.ifa_family = family;
  else { req.u.r.rtm_family = family; req.u.r.rtm_table = RT_TABLE_MAIN;
    struct rtattr *a = (void*)((char*)&req + NLMSG_ALIGN(req.h.nlmsg_len)); a->rta_type = RTA_TABLE; a->rta_len = RTA_LENGTH(4); *(int*)RTA_DATA(a) = RT_TABLE_MAIN; req.h.nlmsg_len = NLMSG_ALIGN(req.h.nlmsg_len) + RTA_ALIGN(a->rta_len); }
  send(fd, &req, req.h.nlmsg_len, 0);
  return nl_count_dump(fd, buf);
}
static int nthreads = 1;
static void *work(void *arg) { long t = (long)arg; char *buf = malloc(1<<16); long m = 0;
  for (int i = t; i < nsocks; i += nthreads) { m += dump(socks[i], buf, RTM_GETLINK, AF_UNSPEC); m += dump(socks[i], buf, RTM_GETADDR, AF_UNSPEC); m += dump(socks[i], buf, RTM_GETROUTE, AF_UNSPEC); }
  free(buf); return (void*)m; }
int main(int argc, char **argv) {
  if (argc > 1) nthreads = atoi(argv[1]);
  int self = open("/proc/self/ns/net", O_RDONLY);
  DIR *d = opendir("/run/netns"); struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char p[512]; snprintf(p, sizeof p, "/run/netns/%s", e->d_name);
    int f = open(p, O_RDONLY); if (f < 0) continue;
    if (setns(f, CLONE_NEWNET)) { close(f); continue; }
    int s = socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE); int one = 1;
    setsockopt(s, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
    socks[nsocks++] = s; close(f);
  }
  setns(self, CLONE_NEWNET);
  for (int rep = 0; rep < 5; rep++) {
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t th[16]; long msgs = 0;
    for (long t = 0; t < nthreads; t++) pthread_create(&th[t], 0, work, (void*)t);
    for (int t = 0; t < nthreads; t++) { void *r; pthread_join(th[t], &r); msgs += (long)r; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("threads=%d ns=%d msgs=%ld ms=%.1f\n", nthreads, nsocks, msgs, (t1.tv_sec-t0.tv_sec)*1e3+(t1.tv_nsec-t0.tv_nsec)/1e6);
  }
}
