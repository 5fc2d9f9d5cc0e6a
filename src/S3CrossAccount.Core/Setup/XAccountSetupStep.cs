using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Setup
{
    /// <summary>
    /// One step of a setup or its removal: which account's credentials it uses, the AWS write it makes
    /// (for example "S3 PutBucketPolicy"), on what, the policy document it writes, and what happened.
    /// </summary>
    public sealed class XAccountSetupStep
    {
        public XAccountSetupStep(int order, SetupSide side, SetupStepKind kind, string operation, string target, SetupStepStatus status, string? detail, PolicyDocument? document)
        {
            Order = order;
            Side = side;
            Kind = kind;
            Operation = operation;
            Target = target;
            Status = status;
            Detail = detail;
            Document = document;
        }

        /// <summary>1-based position in the run.</summary>
        public int Order { get; }

        public SetupSide Side { get; }

        public SetupStepKind Kind { get; }

        /// <summary>The AWS call that makes the change, e.g. "S3 PutBucketPolicy" or "IAM PutUserPolicy".</summary>
        public string Operation { get; }

        /// <summary>The bucket, object prefix, role or identity (and inline policy name) the step changes.</summary>
        public string Target { get; }

        public SetupStepStatus Status { get; }

        /// <summary>Why it was skipped, what it changed, or the error message.</summary>
        public string? Detail { get; }

        /// <summary>The policy the step merges in (or takes out), when it writes one.</summary>
        public PolicyDocument? Document { get; }

        /// <summary>The policy document as compact JSON, or null.</summary>
        public string? DocumentJson => Document == null ? null : PolicyJson.Write(Document);

        /// <summary>The same step with another outcome.</summary>
        public XAccountSetupStep With(SetupStatusUpdate update) =>
            new XAccountSetupStep(Order, Side, Kind, update.Operation ?? Operation, update.Target ?? Target, update.Status, update.Detail, update.Document ?? Document);

        public override string ToString() => $"{Order}. {Side} {Operation} {Target}: {Status}" + (Detail == null ? string.Empty : " (" + Detail + ")");
    }

    /// <summary>A new outcome for a step (a null target or document keeps the planned one).</summary>
    public sealed class SetupStatusUpdate
    {
        public SetupStatusUpdate(SetupStepStatus status, string? detail, string? target = null, PolicyDocument? document = null, string? operation = null)
        {
            Operation = operation;
            Status = status;
            Detail = detail;
            Target = target;
            Document = document;
        }

        public SetupStepStatus Status { get; }

        public string? Detail { get; }

        public string? Target { get; }

        public PolicyDocument? Document { get; }

        /// <summary>The call actually made, when it differs from the planned one (a removal deletes or rewrites).</summary>
        public string? Operation { get; }
    }
}
