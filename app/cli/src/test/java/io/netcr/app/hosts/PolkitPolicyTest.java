package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The polkit action the package installs for the agent (issue 13 §2) fits the command the workbench runs: polkit
 * applies io.netcr.agent to {@code pkexec PATH ARGV1} only when its exec.path and exec.argv1 annotations are that
 * path and that first argument (polkit's pkexec.c), so they must be what {@link PrivilegeHelper} starts from the
 * installed package ({@link ThisProgram#INSTALLED}, {@code agent}); and the password is kept (auth_admin_keep) for
 * an active session, asked each time for any other. Read as polkitd reads it (its action pool: the element and
 * attribute names, each default's value one of polkit's words), without the system's polkit, which a test may not
 * change.
 */
class PolkitPolicyTest {

    /** The policy file, as the package ships it (the module's tests run in app/cli). */
    static final Path POLICY = Path.of("../../installer/src/system/usr/share/polkit-1/actions/io.netcr.agent.policy");

    @Test
    void should_keep_the_password_for_exactly_the_agent_command_the_workbench_runs() throws Exception {
        assertTrue(Files.isRegularFile(POLICY), POLICY.toAbsolutePath() + " is not there");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Document doc = f.newDocumentBuilder().parse(POLICY.toFile());
        assertEquals("policyconfig", doc.getDocumentElement().getTagName());
        NodeList actions = doc.getElementsByTagName("action");
        assertEquals(1, actions.getLength(), "one action");
        Element action = (Element) actions.item(0);
        assertEquals("io.netcr.agent", action.getAttribute("id"));
        assertTrue(!text(action, "description").isBlank() && !text(action, "message").isBlank(),
                "pkexec's dialog shows a description and a message");

        assertEquals("auth_admin_keep", text(action, "allow_active"), "asked once, kept for the active session");
        assertEquals("auth_admin", text(action, "allow_inactive"));
        assertEquals("auth_admin", text(action, "allow_any"));

        Map<String, String> annotations = new HashMap<>();
        NodeList a = action.getElementsByTagName("annotate");
        for (int i = 0; i < a.getLength(); i++) {
            Element e = (Element) a.item(i);
            annotations.put(e.getAttribute("key"), e.getTextContent());
        }
        // the command the workbench runs from the package: pkexec /usr/bin/netcr agent
        List<String> argv = PrivilegeHelper.pkexecWith(List.of(ThisProgram.INSTALLED.toString())).argv();
        assertEquals(List.of("pkexec", ThisProgram.INSTALLED.toString(), "agent"), argv);
        assertEquals(Map.of("org.freedesktop.policykit.exec.path", argv.get(1),
                "org.freedesktop.policykit.exec.argv1", argv.get(2)), annotations);
    }

    private static String text(Element action, String tag) {
        NodeList n = action.getElementsByTagName(tag);
        assertEquals(1, n.getLength(), "one <" + tag + ">");
        return n.item(0).getTextContent();
    }
}
