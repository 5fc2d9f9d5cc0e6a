using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace S3CrossAccount.Tools.HelpGen
{
    /// <summary>Usage: HelpGen &lt;docs dir&gt; &lt;cmdlet dll&gt; &lt;module psd1&gt; &lt;output MAML path&gt;.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 4)
            {
                Console.Error.WriteLine("usage: HelpGen <docs dir> <cmdlet assembly> <module manifest> <output .dll-Help.xml>");
                return 2;
            }

            var (docsDirectory, assemblyPath, manifestPath, outputPath) = (args[0], args[1], args[2], args[3]);
            try
            {
                var exported = ManifestReader.CmdletsToExport(manifestPath);
                var cmdlets = CmdletMetadata.FromAssembly(HelpGenerator.LoadCmdletAssembly(assemblyPath)).ToList();
                var (problems, maml) = HelpGenerator.Generate(docsDirectory, cmdlets, exported, manifestPath);
                if (maml == null)
                {
                    foreach (var problem in problems)
                    {
                        Console.WriteLine(problem);
                    }

                    Console.WriteLine($"HelpGen: error XAHELP: {problems.Count} help problem(s); no help written.");
                    return 1;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
                using (var writer = XmlWriter.Create(outputPath, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
                {
                    maml.Save(writer);
                }

                Console.WriteLine($"HelpGen: help for {exported.Count} cmdlet(s) -> {outputPath}");
                return 0;
            }
            catch (Exception ex) when (ex is HelpFormatException || ex is IOException || ex is InvalidOperationException || ex is BadImageFormatException)
            {
                Console.WriteLine($"{(ex as HelpFormatException)?.SourcePath ?? "HelpGen"}: error XAHELP: {ex.Message}");
                return 1;
            }
        }
    }
}
