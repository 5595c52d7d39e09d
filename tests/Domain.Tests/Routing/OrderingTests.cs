using Agency.Domain.Common;

namespace Agency.Domain.Tests.Routing;

public class OrderingTests
{
    private sealed class Rule(string name)
    {
        public Guid Id { get; } = Guid.NewGuid();
        public string Name { get; } = name;
        public int Order { get; set; }
    }

    [Fact]
    public void Moving_a_rule_up_swaps_it_with_the_one_before_and_renumbers_from_one()
    {
        var rules = new List<Rule> { new("a"), new("b"), new("c") };
        Assert.True(Ordering.Move(rules, r => r.Id, rules[2].Id, up: true, (r, o) => r.Order = o));
        Assert.Equal(["a", "c", "b"], rules.Select(r => r.Name));
        Assert.Equal([1, 2, 3], rules.Select(r => r.Order));
    }

    [Fact]
    public void The_first_cannot_go_up_nor_the_last_down_nor_an_unknown_rule_anywhere()
    {
        var rules = new List<Rule> { new("a"), new("b") };
        Assert.False(Ordering.Move(rules, r => r.Id, rules[0].Id, up: true, (r, o) => r.Order = o));
        Assert.False(Ordering.Move(rules, r => r.Id, rules[1].Id, up: false, (r, o) => r.Order = o));
        Assert.False(Ordering.Move(rules, r => r.Id, Guid.NewGuid(), up: true, (r, o) => r.Order = o));
        Assert.Equal(["a", "b"], rules.Select(r => r.Name));
    }
}
