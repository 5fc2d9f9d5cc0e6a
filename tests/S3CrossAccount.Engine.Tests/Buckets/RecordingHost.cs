using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace S3CrossAccount.Engine.Tests.Buckets
{
    /// <summary>
    /// A PowerShell host that records what cmdlets write to the host UI, where -WhatIf messages go
    /// ("What if: Performing the operation ... on target ..."); a runspace without a host drops them.
    /// Non-interactive: any prompt fails the test.
    /// </summary>
    internal sealed class RecordingHost : PSHost
    {
        private readonly RecordingUi _ui = new RecordingUi();

        public IReadOnlyList<string> Lines => _ui.Lines;

        public override string Name => "RecordingHost";

        public override Version Version => new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override void SetShouldExit(int exitCode)
        {
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        private sealed class RecordingUi : PSHostUserInterface
        {
            public List<string> Lines { get; } = new List<string>();

            public override PSHostRawUserInterface? RawUI => null;

            public override void WriteLine(string value) => Lines.Add(value);

            public override void Write(string value) => Lines.Add(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);

            public override void WriteErrorLine(string value) => Lines.Add(value);

            public override void WriteDebugLine(string message)
            {
            }

            public override void WriteVerboseLine(string message)
            {
            }

            public override void WriteWarningLine(string message)
            {
            }

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override string ReadLine() => throw new NotSupportedException("no prompts in tests");

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("no prompts in tests");

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new NotSupportedException("no prompts in tests");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new NotSupportedException("no prompts in tests");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("no prompts in tests");

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new NotSupportedException("no prompts in tests");
        }
    }
}
