using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3CrossAccount.Core.Policies;

namespace S3CrossAccount.Core.Tests.Policies
{
    public class PolicyJsonRoundTripProperties
    {
        [Property(MaxTest = 300)]
        public Property ParseOfWrite_IsTheSamePolicy_Compact() =>
            Prop.ForAll(PolicyGenerators.Documents, p => PolicyJson.Parse(PolicyJson.Write(p, indented: false)).Equals(p));

        [Property(MaxTest = 300)]
        public Property ParseOfWrite_IsTheSamePolicy_Indented() =>
            Prop.ForAll(PolicyGenerators.Documents, p => PolicyJson.Parse(PolicyJson.Write(p, indented: true)).Equals(p));

        [Property(MaxTest = 200)]
        public Property Write_IsStable() =>
            Prop.ForAll(PolicyGenerators.Documents, p => PolicyJson.Write(PolicyJson.Parse(PolicyJson.Write(p))) == PolicyJson.Write(p));

        [Property(MaxTest = 200)]
        public Property ReorderedStatementsAndValues_AreSemanticallyEqual() =>
            Prop.ForAll(PolicyGenerators.Documents, p =>
            {
                var shuffled = p with
                {
                    StatementIsSingleObject = false,
                    Statements = p.Statements.Reverse().Select(s => s with
                    {
                        Action = s.Action == null ? null : PolicyValueList.Array(s.Action.Reverse()),
                        Resource = s.Resource == null ? null : PolicyValueList.Array(s.Resource.Reverse()),
                        Condition = s.Condition == null ? null : new PolicyCondition(s.Condition.Clauses.Reverse()),
                    }).ToList(),
                };
                return shuffled.SemanticEquals(p) && p.SemanticEquals(shuffled);
            });
    }
}
