// Shared by the C floors (bench/floor.c, bench/warm-dumps.c): reads the answer to one netlink dump request
// on fd into buf (64 KiB) and counts its messages, decoding nothing. Returns the count, or -1 on a receive
// error or an NLMSG_ERROR.
#ifndef NETCR_BENCH_NL_COUNT_H
#define NETCR_BENCH_NL_COUNT_H
#include <linux/netlink.h>
#include <sys/socket.h>

static long nl_count_dump(int fd, char *buf) {
    long n = 0;
    for (;;) {
        int len = recv(fd, buf, 1 << 16, 0);
        if (len <= 0) return -1;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_DONE) return n;
            if (h->nlmsg_type == NLMSG_ERROR) return -1;
            n++;
        }
    }
}
#endif
