using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ContractNamesTests
{
    [Theory]
    [InlineData("TuePm", "TUE_PM")]
    [InlineData("EhcpDeadline", "EHCP_DEADLINE")]
    [InlineData("Ks3", "KS3")]
    [InlineData("Semh", "SEMH")]
    [InlineData("PlacementStarted", "PLACEMENT_STARTED")]
    [InlineData("A", "A")]
    public void A_PascalCase_name_becomes_CONSTANT_CASE(string pascal, string constant) => Assert.Equal(constant, ContractNames.Constant(pascal));

    [Fact]
    public void Every_action_has_a_dotted_event_type_of_lower_case_words()
    {
        foreach (var action in Enum.GetValues<ChangeAction>())
        {
            var type = ContractNames.EventType(action);
            Assert.Matches("^[a-z]+(\\.[a-z]+)*$", type);
            Assert.Equal(ContractNames.Of(action), type.Replace('.', '_').ToUpperInvariant());
        }

        Assert.Equal("review.overdue", ContractNames.EventType(ChangeAction.ReviewOverdue));
    }

    [Fact]
    public void Change_actions_are_numbered_explicitly_and_never_share_a_number()
    {
        var values = Enum.GetValues<ChangeAction>().Select(a => (int)a).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Equal(2, (int)ChangeAction.PlacementStarted);
        Assert.Equal(12, (int)ChangeAction.ReviewOverdue);
    }
}

public sealed class ContractWordsInErrorsTests
{
    [Fact]
    public void Errors_name_sessions_statuses_stages_and_milestones_as_the_schema_does_never_as_CSharp_does()
    {
        var messages = new[]
        {
            CapacityRules.ValidateRequest(CapacityRequest.ForSessions(Session.TuePm, Session.TuePm))!.Message,
            CapacityRules.CheckDistinctSessions([Session.MonAm, Session.TuePm, Session.TuePm])!.Message,
            WaitingListRules.CheckOffer(WaitingStatus.Offered, 1, true, null)!.Message,
        };

        Assert.Contains("TUE_PM", messages[0], StringComparison.Ordinal);
        Assert.Contains("TUE_PM", messages[1], StringComparison.Ordinal);
        Assert.Contains("OFFERED", messages[2], StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotMatch("TuePm|Offered\\.", m));
    }
}
