// Lets netstandard2.0 compile C# init-only setters and records.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
