using System;
using System.IO;
using S3CrossAccount.Core.Evaluation.Model;

namespace S3CrossAccount.Core.Tests.Evaluation
{
    /// <summary>Policies kept as readable JSON files under Evaluation/Fixtures/ (copied beside the test assembly).</summary>
    internal static class Fixture
    {
        public static string Json(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Fixtures", path));

        /// <summary>The policy in <paramref name="path"/>, named after its file.</summary>
        public static EvaluationPolicy Policy(string path) => PolicyCompiler.Compile(Json(path), Path.GetFileNameWithoutExtension(path));
    }
}
