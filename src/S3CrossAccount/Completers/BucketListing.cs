using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using S3CrossAccount.Aws.Clients;
using S3CrossAccount.Aws.Credentials;
using S3CrossAccount.Commands.Sessions;

namespace S3CrossAccount.Commands.Completers
{
    /// <summary>The AWS half of <see cref="BucketCompleter"/>, apart so that the completer type itself loads no AWS assembly.</summary>
    internal static class BucketListing
    {
        internal static IReadOnlyList<string> Names(IDictionary given, string prefix, int max, TimeSpan timeout)
        {
            var resolver = new AwsSessionResolver(ProcessEnvironment.Instance, new DefaultRunspaceVariables());
            var session = resolver.Resolve(new SessionRequest
            {
                AccessKey = given["AccessKey"] as string,
                SecretKey = given["SecretKey"] as string,
                SessionToken = given["SessionToken"] as string,
                ProfileName = given["ProfileName"] as string,
                ProfileLocation = given["ProfileLocation"] as string,
                Credential = AwsSessionBinder.Unwrap(given["Credential"]),
                Region = AwsSessionBinder.Unwrap(given["Region"]),
                EndpointUrl = given["EndpointUrl"] as string,
            });
            using var cancel = new CancellationTokenSource(timeout);
            return new S3AccountService(session).ListBucketNames(prefix, max, cancel.Token);
        }

        private sealed class DefaultRunspaceVariables : ISessionVariableSource
        {
            public object? Get(string name) => AwsSessionBinder.Unwrap(BucketCompleter.SessionVariable(name));
        }
    }
}
