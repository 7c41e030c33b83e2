package io.netcr.app.hosts.transport;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Why a transport ended before an agent said hello, in words that say what to do: the host cannot be reached,
 * refused the login or the host key, has no netcr, or ran something that is not an agent. Read from the exit
 * status (ssh's own failures are 255; a command that is not there, 127) and the last lines of standard error.
 */
public final class StartFailures {

    /** What the default remote command prints when netcr is not there (besides exiting with 127). */
    public static final String NOT_INSTALLED_MARK = "netcr-agent: netcr is not installed here";

    private StartFailures() {
    }

    /**
     * @param label  the host as the user named it ("web2"), or the local agent's description
     * @param ssh    true for an ssh transport, false for a local command (privilege helper)
     * @param status the exit status, empty when the process had not ended
     * @param stderr its last lines of standard error
     */
    public static Diagnostic classify(String label, String what, boolean ssh, OptionalInt status, List<String> stderr) {
        SubjectPath host = SubjectPath.of("host", label);
        String said = stderr.isEmpty() ? "" : " (" + String.join(" / ", stderr.subList(Math.max(0, stderr.size() - 2),
                stderr.size())) + ")";
        String all = String.join("\n", stderr).toLowerCase(Locale.ROOT);
        int code = status.orElse(-1);
        if (!ssh && what.startsWith("pkexec")) {
            return pkexecFailure(host, code, all, said);
        }
        if (all.contains(NOT_INSTALLED_MARK) || code == 127 || all.contains("netcr: not found")
                || all.contains("netcr: command not found")) {
            return Diagnostic.error(Errno.ENOPKG, host, Phase.READ, ssh
                    ? "netcr is not installed on " + label + ": install the netcr package there"
                    : "the agent command `" + what + "` was not found (exit status 127): install netcr, or set "
                    + "NETCR_AGENT_COMMAND to a command that runs `netcr agent`");
        }
        if (all.contains("a password is required") || all.contains("a terminal is required")) {
            return Diagnostic.error(Errno.EACCES, host, Phase.READ, "sudo on " + label + " asks for a password" + said
                    + ": allow `netcr agent` without one (NOPASSWD in sudoers), or log in as root");
        }
        if (ssh && code == 255) {
            return sshFailure(host, label, all, said);
        }
        return Diagnostic.error(Errno.EPROTO, host, Phase.READ, (ssh ? label + " ran `" + what + "`" : "`" + what
                + "` ran") + " but no netcr agent answered (" + (code < 0 ? "it did not end" : "exit status " + code)
                + ")" + said + "; check that it runs `netcr agent`, and that nothing but the agent writes to its output");
    }

    /**
     * pkexec's ways of not starting the agent (polkit's pkexec.c, pkexec(1)): 126 when the person dismissed the
     * password dialog, 127 (with a line on standard error) when there is no authentication agent to ask, polkit
     * is not running, or the user is not authorized.
     */
    private static Diagnostic pkexecFailure(SubjectPath host, int code, String all, String said) {
        String fallback = "; this window shows what this user may read (set NETCR_AGENT_COMMAND to use another "
                + "helper, e.g. sudo -n /usr/bin/netcr agent)";
        if (code == 126 || all.contains("request dismissed")) {
            return Diagnostic.error(Errno.ECANCELED, host, Phase.READ, "the password dialog was dismissed, so the "
                    + "netcr agent did not start" + fallback);
        }
        if (all.contains("authentication agent")) {
            return Diagnostic.error(Errno.EACCES, host, Phase.READ, "pkexec found no polkit authentication agent to "
                    + "ask for the password" + said + ": a desktop session runs one" + fallback);
        }
        if (all.contains("error getting authority")) {
            return Diagnostic.error(Errno.EACCES, host, Phase.READ, "polkit is not running here" + said
                    + ": pkexec cannot ask for the password without it (start polkitd)" + fallback);
        }
        if (all.contains("not authorized")) {
            return Diagnostic.error(Errno.EACCES, host, Phase.READ, "polkit does not allow this user to run the netcr "
                    + "agent (action io.netcr.agent)" + said + fallback);
        }
        if (all.contains("cannot run program") || all.contains("error accessing")) {
            return Diagnostic.error(Errno.ENOPKG, host, Phase.READ, "pkexec cannot run netcr" + said
                    + ": install the netcr package" + fallback);
        }
        return Diagnostic.error(Errno.EACCES, host, Phase.READ, "pkexec did not start the netcr agent ("
                + (code < 0 ? "it did not end" : "exit status " + code) + ")" + said + fallback);
    }

    private static Diagnostic sshFailure(SubjectPath host, String label, String all, String said) {
        Errno code;
        String message;
        if (all.contains("permission denied")) {
            code = Errno.EACCES;
            message = label + " refused the login" + said + ": check the user and the key (ssh-add -l), or try "
                    + "`ssh " + label + "` by hand";
        } else if (all.contains("host key verification failed") || all.contains("remote host identification has changed")) {
            code = Errno.EACCES;
            message = label + "'s host key is not known here, or has changed" + said + ": check it, then connect "
                    + "once with `ssh " + label + "` to accept it";
        } else if (all.contains("could not resolve hostname") || all.contains("name or service not known")) {
            code = Errno.EHOSTUNREACH;
            message = label + " is neither a host name this machine can resolve nor an alias of ~/.ssh/config" + said;
        } else if (all.contains("connection refused")) {
            code = Errno.ECONNREFUSED;
            message = label + " refused the connection" + said + ": is sshd running there, on that port?";
        } else if (all.contains("timed out") || all.contains("timeout")) {
            code = Errno.ETIMEDOUT;
            message = label + " did not answer in time" + said + ": is it up, and reachable from here?";
        } else if (all.contains("no route to host") || all.contains("network is unreachable")) {
            code = Errno.EHOSTUNREACH;
            message = label + " cannot be reached from here" + said;
        } else {
            code = Errno.EHOSTUNREACH;
            message = "cannot connect to " + label + said + "; try `ssh " + label + "` by hand";
        }
        return Diagnostic.error(code, host, Phase.READ, message);
    }
}
