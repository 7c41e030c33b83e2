package io.netcr.app.gui.hosts;

import io.netcr.app.gui.ops.DialogParts;
import io.netcr.app.hosts.askpass.AskpassServer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * ssh's prompts in a window of the workbench ({@link AskpassServer.Prompter}): a password or a key's passphrase
 * in a field that shows no characters, or, for a host whose key is not known, ssh's question with the key's
 * fingerprint and a button that trusts it. Asked on the askpass server's thread; shown on the FX thread; a person
 * who does not answer within ten minutes is taken to have cancelled.
 */
public final class AskpassDialog implements AskpassServer.Prompter {

    private final Window owner;

    public AskpassDialog(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> ask(String prompt) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> show(prompt, answer));
        try {
            return answer.get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** True for ssh's question about an unknown host key, answered "yes" (or a fingerprint), not a secret. */
    static boolean isQuestion(String prompt) {
        return prompt.contains("(yes/no");
    }

    private void show(String prompt, CompletableFuture<Optional<String>> answer) {
        boolean question = isQuestion(prompt);
        Label text = new Label(prompt.strip());
        text.setId("askpass-prompt");
        text.setWrapText(true);
        PasswordField secret = new PasswordField();
        secret.setId("askpass-field");
        VBox body = question ? new VBox(10, text) : new VBox(10, text, secret);
        body.setPadding(new Insets(12, 16, 12, 16));
        Button cancel = new Button("Cancel");
        cancel.setId("askpass-cancel");
        cancel.setCancelButton(true);
        Button ok = new Button(question ? "Trust this host and connect" : "OK");
        ok.setId("askpass-ok");
        ok.setDefaultButton(true);
        HBox buttons = new HBox(8, DialogParts.spring(), cancel, ok);
        buttons.getStyleClass().add("dialog-buttons");
        BorderPane root = new BorderPane(body);
        root.setTop(DialogParts.header(question ? "A host not known yet" : "ssh asks", question
                ? "ssh has not met this host's key before. Check its fingerprint with the host's administrator "
                + "before you trust it." : "For the connection to a host: the answer goes to ssh and nowhere else."));
        root.setBottom(buttons);
        root.setId("askpass-dialog");
        Stage stage = DialogParts.stage(owner, "ssh", root, 520, question ? 300 : 240);
        ok.setOnAction(e -> {
            answer.complete(Optional.of(question ? "yes" : secret.getText()));
            stage.close();
        });
        cancel.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> answer.complete(Optional.empty())); // closed any other way: cancelled
        stage.show();
        if (!question) {
            secret.requestFocus();
        }
    }
}
