namespace S3CrossAccount.Core.Setup
{
    /// <summary>What the user said at a setup step's ShouldProcess.</summary>
    public enum StepDecision
    {
        Run,
        Declined,
        WhatIf,
    }
}
