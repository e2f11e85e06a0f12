using System.Text;
using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Transport;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Api.Tests.Transport;

public sealed class CachedCapacityAnswersTests
{
    private static readonly CapacityIndexVersion Version = new(Guid.NewGuid(), 4);

    [Fact]
    public void Serves_an_answer_only_for_the_version_it_was_computed_at()
    {
        var answers = new CachedCapacityAnswers();
        var key = Key(new Caller("901", Role.LaOfficer, null), "{}");
        AddTwice(answers, key, new CachedAnswer(Version, [1, 2, 3]));

        Assert.Equal([1, 2, 3], answers.Get(key, Version));
        Assert.Null(answers.Get(key, Version with { Change = 5 }));
        Assert.Null(answers.Get(key, Version with { Epoch = Guid.NewGuid() }));
    }

    [Fact]
    public void Keys_differ_by_tenant_role_setting_and_every_byte_of_the_body()
    {
        var answers = new CachedCapacityAnswers();
        var la = new Caller("901", Role.LaOfficer, null);
        AddTwice(answers, Key(la, "{\"query\":\"{ a }\"}"), new CachedAnswer(Version, [1]));

        Assert.NotNull(answers.Get(Key(la with { Subject = "someone else" }, "{\"query\":\"{ a }\"}"), Version));
        Assert.Null(answers.Get(Key(la with { Tenant = "902" }, "{\"query\":\"{ a }\"}"), Version));
        Assert.Null(answers.Get(Key(new Caller("901", Role.ApStaff, "140000"), "{\"query\":\"{ a }\"}"), Version));
        Assert.Null(answers.Get(Key(new Caller("901", Role.ApStaff, "140001"), "{\"query\":\"{ a }\"}"), Version));
        Assert.Null(answers.Get(Key(la, "{\"query\":\"{ a } \"}"), Version));
    }

    [Fact]
    public void A_tenant_whose_budget_is_spent_starts_afresh_without_touching_another_tenants_answers()
    {
        var answers = new CachedCapacityAnswers();
        var la901 = new Caller("901", Role.LaOfficer, null);
        var la902 = new Caller("902", Role.LaOfficer, null);
        AddTwice(answers, Key(la902, "kept"), new CachedAnswer(Version, [9]));
        for (var i = 0; i < CachedCapacityAnswers.MaxEntriesPerTenant; i++)
        {
            AddTwice(answers, Key(la901, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), new CachedAnswer(Version, [1]));
        }

        Assert.Equal(CachedCapacityAnswers.MaxEntriesPerTenant + 1, answers.Count);

        AddTwice(answers, Key(la901, "one more"), new CachedAnswer(Version, [2]));

        Assert.Equal(2, answers.Count);
        Assert.Equal([2], answers.Get(Key(la901, "one more"), Version));
        Assert.Equal([9], answers.Get(Key(la902, "kept"), Version));
    }

    [Fact]
    public void An_answer_from_an_older_version_never_replaces_a_newer_one_and_a_huge_one_is_not_kept()
    {
        var answers = new CachedCapacityAnswers();
        var key = Key(new Caller("901", Role.LaOfficer, null), "{}");
        var newer = Version with { Change = 9 };
        AddTwice(answers, key, new CachedAnswer(newer, [2]));

        answers.Add(key, new CachedAnswer(Version, [1]));
        var huge = Key(new Caller("901", Role.LaOfficer, null), "huge");
        AddTwice(answers, huge, new CachedAnswer(Version, new byte[CachedCapacityAnswers.MaxBytesPerTenant / 8]));

        Assert.Equal([2], answers.Get(key, newer));
        Assert.False(answers.Holds(huge));
    }

    [Fact]
    public void Keeps_an_answer_the_second_time_its_request_is_computed_and_replaces_a_stale_one_at_once()
    {
        var answers = new CachedCapacityAnswers();
        var key = Key(new Caller("901", Role.LaOfficer, null), "{}");

        answers.Add(key, new CachedAnswer(Version, [1]));
        var afterOne = answers.Get(key, Version);
        answers.Add(key, new CachedAnswer(Version, [1]));
        var afterTwo = answers.Get(key, Version);
        var next = Version with { Change = 5 };
        answers.Add(key, new CachedAnswer(next, [2]));

        Assert.Null(afterOne);
        Assert.Equal([1], afterTwo);
        Assert.Equal([2], answers.Get(key, next));
    }

    private static void AddTwice(CachedCapacityAnswers answers, CachedAnswerKey key, CachedAnswer answer)
    {
        answers.Add(key, answer);
        answers.Add(key, answer);
    }

    private static CachedAnswerKey Key(Caller caller, string body) => new(caller, Encoding.UTF8.GetBytes(body));
}
