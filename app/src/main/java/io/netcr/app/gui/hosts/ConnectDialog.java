package io.netcr.app.gui.hosts;

import io.netcr.app.gui.ops.DialogParts;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File › Connect to host…: a host as ssh takes it (user@host, ssh://user@host:port, a ~/.ssh/config alias), typed
 * or picked from the hosts connected to lately. Connect hands it to {@code connect}, which starts the connection in
 * the background or says why the text is not a host; the dialog closes at once when it started.
 */
public final class ConnectDialog {

    private final Stage stage;
    private final ComboBox<String> host;
    private final Label problem = new Label();

    /** @param connect starts a connection to the host given; empty, or why that is not a host */
    public ConnectDialog(Window owner, ObservableList<String> recent, Function<String, Optional<String>> connect) {
        host = new ComboBox<>(recent);
        host.setId("connect-host");
        host.setEditable(true);
        host.setPromptText("user@host, ssh://user@host:port, or an alias of ~/.ssh/config");
        host.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(host, Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Host"), host);
        row.setAlignment(Pos.CENTER_LEFT);
        problem.setId("connect-problem");
        problem.getStyleClass().add(DialogParts.STATUS);
        problem.setWrapText(true);
        Label hint = new Label("netcr runs your ssh (your ~/.ssh/config, keys, agent and known hosts apply) and "
                + "`netcr agent` there: as root, through sudo -n where you may, else as you. Passwords and "
                + "passphrases are asked in a window of this workbench.");
        hint.getStyleClass().add(DialogParts.HEADER_TEXT);
        hint.setWrapText(true);

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage().close());
        Button ok = new Button("Connect");
        ok.setId("connect-ok");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            String text = host.getEditor().getText();
            Optional<String> refused = connect.apply(text);
            if (refused.isPresent()) {
                problem.setText(refused.get());
            } else {
                stage().close();
            }
        });
        HBox buttons = new HBox(8, DialogParts.spring(), cancel, ok);
        buttons.getStyleClass().add("dialog-buttons");

        VBox body = new VBox(10, row, hint, problem);
        body.setPadding(new Insets(12, 16, 12, 16));
        BorderPane root = new BorderPane(body);
        root.setTop(DialogParts.header("Connect to host", "The host appears in the navigator beside This host; "
                + "checkpoint it, or restore on it, like this one."));
        root.setBottom(buttons);
        root.setId("connect-dialog");
        stage = DialogParts.stage(owner, "Connect to host", root, 560, 300);
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        host.requestFocus();
    }
}
