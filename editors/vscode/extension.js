// The tradegap extension: starts `tradegap lsp` (stdio) for .agr, .norms and .expect files.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("tradegap");
  const serverOptions = {
    command: config.get("path", "tradegap"),
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "tradegap" },
      { scheme: "untitled", language: "tradegap" },
    ],
    initializationOptions: { norms: config.get("norms", ["tpp3"]) },
    synchronize: { configurationSection: "tradegap" },
  };
  client = new LanguageClient("tradegap", "tradegap", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
