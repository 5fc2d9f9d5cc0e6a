using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Json;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Commands.Policy
{
    /// <summary>
    /// Reads policy JSON from a string, from files, or from the pipeline. Lines piped from Get-Content
    /// are joined into one document; several complete documents piped as strings give several policies.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "XAccountPolicyJson", DefaultParameterSetName = JsonSet, HelpUri = "https://github.com/s3crossaccount/S3CrossAccount/blob/main/docs/ConvertFrom-XAccountPolicyJson.md")]
    [OutputType(typeof(PolicyDocument))]
    public sealed class ConvertFromXAccountPolicyJsonCommand : Base.XAccountCmdlet
    {
        public const string JsonSet = "Json";
        public const string PathSet = "Path";

        private readonly List<string> _pieces = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JsonSet)]
        [AllowEmptyString]
        public string[] Json { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LiteralPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            if (ParameterSetName == JsonSet)
            {
                _pieces.AddRange(Json);
                return;
            }

            foreach (var p in Path)
            {
                TryRun(() =>
                {
                    var file = GetUnresolvedProviderPathFromPSPath(p);
                    if (!File.Exists(file))
                    {
                        throw new XAccountException(ErrorCode.PolicyFileNotFound, $"The policy file '{file}' does not exist.", p,
                            "Check the path; relative paths are resolved from the current PowerShell location.");
                    }

                    WriteObject(PolicyJson.Parse(File.ReadAllText(file)));
                });
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != JsonSet || _pieces.Count == 0)
            {
                return;
            }

            // Like ConvertFrom-Json: when the first piece is a whole JSON value, each piece is a document;
            // otherwise the pieces are the lines of one document.
            if (_pieces.Count > 1 && !IsCompleteJson(_pieces[0]))
            {
                ProcessTarget(() => PolicyJson.Parse(string.Join("\n", _pieces)), WriteObject);
                return;
            }

            foreach (var piece in _pieces)
            {
                ProcessTarget(() => PolicyJson.Parse(piece), WriteObject);
            }
        }

        private static bool IsCompleteJson(string text)
        {
            try
            {
                JsonReader.Parse(text);
                return true;
            }
            catch (JsonSyntaxException)
            {
                return false;
            }
        }
    }
}
