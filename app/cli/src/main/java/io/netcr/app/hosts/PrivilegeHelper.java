package io.netcr.app.hosts;

import io.netcr.app.hosts.transport.CommandWords;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that starts this machine's agent for a workbench that is not root: NETCR_AGENT_COMMAND when it is
 * set (e.g. {@code sudo -n /usr/bin/netcr agent}), else {@code pkexec netcr agent} — pkexec started directly (not
 * through a shell: polkit's auth_admin_keep holds for pkexec's parent, the workbench itself, so the password is
 * asked once), with netcr as {@link ThisProgram} names it.
 *
 * @param argv     the words that run it
 * @param describe how a person calls it in one phrase: "pkexec", or the variable's text
 * @param fromEnvironment true when NETCR_AGENT_COMMAND chose it
 */
public record PrivilegeHelper(List<String> argv, String describe, boolean fromEnvironment) {

    public static final String VARIABLE = "NETCR_AGENT_COMMAND";

    public PrivilegeHelper {
        argv = List.copyOf(argv);
    }

    /** The helper for this environment. EINVAL when NETCR_AGENT_COMMAND cannot be read as words. */
    public static PrivilegeHelper of(Map<String, String> env) throws HostException {
        var configured = Hosts.agentCommand(env);
        if (configured.isPresent()) {
            List<String> words;
            try {
                words = CommandWords.split(configured.get());
            } catch (IllegalArgumentException e) {
                throw HostException.of(Errno.EINVAL, LocalHost.LABEL, Phase.READ, VARIABLE + " cannot be read: "
                        + e.getMessage());
            }
            if (words.isEmpty()) {
                throw HostException.of(Errno.EINVAL, LocalHost.LABEL, Phase.READ, VARIABLE + " is empty");
            }
            return new PrivilegeHelper(words, configured.get(), true);
        }
        return pkexecWith(ThisProgram.command());
    }

    /**
     * {@code pkexec NETCR agent}: from the package, {@code pkexec /usr/bin/netcr agent}, the command line the polkit
     * action io.netcr.agent names (installer/src/system/usr/share/polkit-1/actions).
     */
    static PrivilegeHelper pkexecWith(List<String> netcr) {
        List<String> argv = new ArrayList<>();
        argv.add("pkexec");
        argv.addAll(netcr);
        argv.add("agent");
        return new PrivilegeHelper(argv, "pkexec", false);
    }

    /** True for pkexec, whose failures have their own exit statuses (126 dismissed, 127 not authorized). */
    public boolean pkexec() {
        return !argv.isEmpty() && argv.get(0).endsWith("pkexec");
    }
}
