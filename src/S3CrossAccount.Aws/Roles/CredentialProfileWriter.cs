using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using S3CrossAccount.Core.Errors;
using S3CrossAccount.Core.Sessions;

namespace S3CrossAccount.Aws.Roles
{
    /// <summary>
    /// Writes one profile into an AWS shared credentials file (INI; the format of
    /// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html). Other profiles, comments
    /// and blank lines stay as they were; the named profile's section is replaced as a whole so no
    /// stale key (an old role_arn, a token of long-term keys) survives. The file is written to a
    /// temporary file that is owner-only (0600) before any secret goes in, then moved into place.
    /// </summary>
    public static class CredentialProfileWriter
    {
        public static void Write(string path, string profileName, XAccountCredential credential, string? region)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A file path is required.", nameof(path));
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            if (string.IsNullOrWhiteSpace(profileName) || profileName.IndexOfAny(new[] { '[', ']', '\r', '\n' }) >= 0 || profileName.Trim() != profileName)
            {
                throw new XAccountException(ErrorCode.InvalidParameterCombination, $"'{profileName}' cannot be a profile name.", profileName,
                    "Use a name of letters, digits and -_. such as AccountA-Reader.");
            }

            try
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                {
                    Directory.CreateDirectory(directory);
                    OwnerOnly(directory, 0x1C0); // 0700
                }

                var existing = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
                var text = Render(existing, profileName, credential, region);
                var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    OwnerOnly(temp, 0x180); // 0600, before the secret is written
                    var bytes = new UTF8Encoding(false).GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }

                OwnerOnly(path, 0x180);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new XAccountException(ErrorCode.ProfileWriteFailed, $"Could not write profile '{profileName}' to {path}: {ex.Message}", path,
                    "Check that the directory exists and is writable, or pass another -ProfileLocation.", ex);
            }
        }

        /// <summary>The new file text: every line outside the profile's section unchanged, the section replaced (or appended).</summary>
        internal static string Render(IReadOnlyList<string> lines, string profileName, XAccountCredential credential, string? region)
        {
            var keys = credential.GetCredentials();
            var section = new List<string>
            {
                "[" + profileName + "]",
                "aws_access_key_id = " + keys.AccessKey,
                "aws_secret_access_key = " + keys.SecretKey,
            };
            if (keys.UseToken) section.Add("aws_session_token = " + keys.Token);
            if (!string.IsNullOrEmpty(region)) section.Add("region = " + region);

            var output = new List<string>();
            var inTarget = false;
            var written = false;
            foreach (var line in lines)
            {
                var header = SectionName(line);
                if (header != null)
                {
                    inTarget = string.Equals(header, profileName, StringComparison.Ordinal);
                    if (inTarget)
                    {
                        if (!written) output.AddRange(section);
                        written = true;
                        continue;
                    }
                }

                // Blank lines of the replaced section stay, so the layout between sections is kept.
                if (!inTarget || line.Trim().Length == 0) output.Add(line);
            }

            if (!written)
            {
                if (output.Count > 0 && output[output.Count - 1].Trim().Length > 0) output.Add(string.Empty);
                output.AddRange(section);
            }

            return string.Join("\n", output.Concat(new[] { string.Empty }).Take(output.Count + 1)).TrimEnd('\n') + "\n";
        }

        private static string? SectionName(string line)
        {
            var t = line.Trim();
            return t.Length > 2 && t[0] == '[' && t[t.Length - 1] == ']' ? t.Substring(1, t.Length - 2).Trim() : null;
        }

        private static void OwnerOnly(string path, uint mode)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            try
            {
                if (chmod(path, mode) != 0)
                {
                    throw new IOException($"chmod {Convert.ToString(mode, 8)} failed (errno {Marshal.GetLastWin32Error()}).");
                }
            }
            catch (EntryPointNotFoundException)
            {
            }
            catch (DllNotFoundException)
            {
            }
        }

        [DllImport("libc", SetLastError = true, EntryPoint = "chmod")]
        private static extern int chmod(string path, uint mode);
    }
}
