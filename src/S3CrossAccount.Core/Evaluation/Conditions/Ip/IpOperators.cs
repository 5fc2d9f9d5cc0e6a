using System.Globalization;
using System.Net;
using System.Net.Sockets;
using S3CrossAccount.Core.Evaluation.Requests;

namespace S3CrossAccount.Core.Evaluation.Conditions
{
    // IPv4 and IPv6 CIDR blocks (RFC 4632); an address without a prefix length is a single host.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress

    public sealed class IpAddressOperator : ConditionOperator
    {
        public override string Name => "IpAddress";

        public override string? ValueForm => Cidr.Form;

        public override bool IsWellFormedValue(string policyValue) => Cidr.IsBlock(policyValue);

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            Cidr.Contains(policyValue, contextValue);
    }

    public sealed class NotIpAddress : ConditionOperator
    {
        public override string Name => "NotIpAddress";

        public override string? ValueForm => Cidr.Form;

        public override bool IsWellFormedValue(string policyValue) => Cidr.IsBlock(policyValue);

        public override bool IsNegative => true;

        protected override bool MatchesOne(string contextValue, string policyValue, RequestContext context) =>
            Cidr.Contains(policyValue, contextValue);
    }

    /// <summary>CIDR containment; values that do not parse, or of different families, do not match.</summary>
    public static class Cidr
    {
        internal const string Form = "an IPv4 or IPv6 address or CIDR block";

        /// <summary>True when <paramref name="block"/> is an IPv4 or IPv6 address, optionally with a valid prefix length.</summary>
        public static bool IsBlock(string block)
        {
            block = block.Trim();
            int slash = block.IndexOf('/');
            if (!IPAddress.TryParse(slash < 0 ? block : block.Substring(0, slash), out var network))
            {
                return false;
            }

            return slash < 0 || (int.TryParse(block.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
                && bits <= network.GetAddressBytes().Length * 8);
        }

        public static bool Contains(string block, string address)
        {
            block = block.Trim();
            int slash = block.IndexOf('/');
            var networkText = slash < 0 ? block : block.Substring(0, slash);
            if (!IPAddress.TryParse(networkText, out var network) || !IPAddress.TryParse(address.Trim(), out var candidate))
            {
                return false;
            }

            if (candidate.IsIPv4MappedToIPv6 && network.AddressFamily == AddressFamily.InterNetwork)
            {
                candidate = candidate.MapToIPv4();
            }

            if (network.AddressFamily != candidate.AddressFamily)
            {
                return false;
            }

            var n = network.GetAddressBytes();
            var c = candidate.GetAddressBytes();
            int bits = n.Length * 8;
            if (slash >= 0 && (!int.TryParse(block.Substring(slash + 1), out bits) || bits < 0 || bits > n.Length * 8))
            {
                return false;
            }

            int full = bits / 8, rest = bits % 8;
            for (int i = 0; i < full; i++)
            {
                if (n[i] != c[i])
                {
                    return false;
                }
            }

            if (rest == 0)
            {
                return true;
            }

            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (n[full] & mask) == (c[full] & mask);
        }
    }
}
