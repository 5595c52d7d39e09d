using Agency.Domain.Channels;
using Agency.Domain.Classification;
using Agency.Domain.Conversations;
using Agency.Domain.Intake;
using Agency.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Agency.Infrastructure.Intake;

/// <summary>
/// Stores parsed items for one channel account: once per platform id, classified, threaded into
/// conversations. Works a batch at a time with three look-ups per batch (existing ids, parents,
/// the customers' conversations), so webhooks and bulk imports share one path.
/// </summary>
public sealed class PostWriter(TimeProvider clock, Classification.IntentModels? models = null)
{
    public sealed record Result(int Stored, int Duplicates, IReadOnlySet<string> StoredIds)
    {
        /// <summary>Conversations that got posts in this batch.</summary>
        public IReadOnlyCollection<Conversation> Touched { get; init; } = [];

        /// <summary>The first customer post of this batch in each touched conversation (what routing reads).</summary>
        public IReadOnlyDictionary<Guid, Post> FirstInbound { get; init; } = new Dictionary<Guid, Post>();
    }

    private sealed record ParentRef(Guid? ConversationId, string AuthorExternalId, Direction Direction);

    public TimeSpan QuietPeriod { get; init; } = Threading.DefaultQuietPeriod;

    /// <summary>Adds the items' posts and conversation changes to <paramref name="db"/>; the caller saves.</summary>
    /// <param name="history">Imported history: nobody resolves it, so conversations quiet past the quiet period are closed.</param>
    public async Task<Result> AddAsync(
        AgencyDbContext db,
        ChannelAccount account,
        IReadOnlyList<InboundItem> items,
        CancellationToken ct,
        bool history = false
    )
    {
        if (items.Count == 0)
            return new Result(0, 0, new HashSet<string>());
        var now = clock.GetUtcNow().UtcDateTime;
        var accountId = account.Id;

        var ids = items.Select(i => i.ExternalId).Distinct().ToList();
        var seen = (
            await db
                .Posts.Where(p => p.ChannelAccountId == accountId && ids.Contains(p.ExternalId))
                .Select(p => p.ExternalId)
                .ToListAsync(ct)
        ).ToHashSet();

        var parentIds = items.Select(i => i.InReplyToExternalId).OfType<string>().Distinct().ToList();
        var parents =
            parentIds.Count == 0
                ? []
                : await db
                    .Posts.Where(p => p.ChannelAccountId == accountId && parentIds.Contains(p.ExternalId))
                    .Select(p => new
                    {
                        p.ExternalId,
                        p.ConversationId,
                        p.AuthorExternalId,
                        p.Direction,
                    })
                    .ToDictionaryAsync(p => p.ExternalId, p => new ParentRef(p.ConversationId, p.AuthorExternalId, p.Direction), ct);

        var parentConversationIds = parents.Values.Select(p => p.ConversationId).OfType<Guid>().Distinct().ToList();
        var customers = items
            .SelectMany(i => new[] { i.AuthorExternalId, i.RecipientExternalId })
            .OfType<string>()
            .Concat(parents.Values.Select(p => p.AuthorExternalId))
            .Distinct()
            .ToList();
        var known = await db
            .Conversations.Where(c =>
                c.ChannelAccountId == accountId && (customers.Contains(c.CustomerExternalId) || parentConversationIds.Contains(c.Id))
            )
            .ToListAsync(ct);
        var byId = known.ToDictionary(c => c.Id);
        var byCustomer = known.GroupBy(c => c.CustomerExternalId).ToDictionary(g => g.Key, g => g.ToList());

        var rules = await db.ClassificationRules.AsNoTracking().OrderBy(r => r.Order).Select(r => r.ToRule()).ToListAsync(ct);
        var patterns = await db.SensitivePatterns.AsNoTracking().Select(p => p.ToPattern()).ToListAsync(ct);
        var model = models is null ? null : await models.ForBrandAsync(db, ct);

        int stored = 0,
            duplicates = 0;
        var storedIds = new HashSet<string>();
        var touched = new Dictionary<Guid, Conversation>();
        var firstInbound = new Dictionary<Guid, Post>();
        foreach (var item in items.OrderBy(i => i.CreatedAt))
        {
            if (!seen.Add(item.ExternalId))
            {
                duplicates++;
                continue;
            }
            var parent = item.InReplyToExternalId is { } pid && parents.TryGetValue(pid, out var pr) ? pr : null;
            var parentConversation = parent?.ConversationId is { } pc && byId.TryGetValue(pc, out var conv) ? conv : null;
            // A customer answering someone else's thread starts or continues their own conversation, not the other's.
            if (!item.FromAccount && parentConversation is not null && parentConversation.CustomerExternalId != item.AuthorExternalId)
                parentConversation = null;
            var customer = CustomerOf(item, parent, parentConversation);

            var post = new Post
            {
                ChannelAccountId = accountId,
                ExternalId = item.ExternalId,
                Kind = item.Kind,
                Direction = item.FromAccount ? Direction.Outbound : Direction.Inbound,
                IsPrivate = item.IsPrivate,
                AuthorExternalId = item.AuthorExternalId,
                AuthorHandle = item.AuthorHandle,
                AuthorName = item.AuthorName,
                AuthorFollowers = item.AuthorFollowers,
                Text = item.Text,
                InReplyToExternalId = item.InReplyToExternalId,
                CreatedAt = item.CreatedAt,
                ReceivedAt = now,
            };
            if (post.Direction == Direction.Inbound)
                post.Apply(Label(item.Text, rules, patterns, model));

            var latest =
                customer is not null && byCustomer.TryGetValue(customer, out var theirs) ? LatestBefore(theirs, item.CreatedAt) : null;
            var decision = Threading.Decide(
                item.CreatedAt,
                customer is not null,
                State(parentConversation),
                State(latest),
                QuietPeriod,
                history
            );
            if (decision is ThreadingDecision.Start { CloseFirst: { } quiet })
            {
                byId[quiet].CloseAsHistory();
                touched[quiet] = byId[quiet];
            }
            Conversation? target = decision switch
            {
                ThreadingDecision.Join join => byId[join.ConversationId],
                ThreadingDecision.Start => StartConversation(db, account, item, customer!, byId, byCustomer),
                _ => null,
            };
            if (target is not null)
            {
                post.ConversationId = target.Id;
                target.Record(post);
                touched[target.Id] = target;
                if (post.Direction == Direction.Inbound)
                    firstInbound.TryAdd(target.Id, post);
                if (post.Direction == Direction.Inbound)
                {
                    target.CustomerHandle ??= item.AuthorHandle;
                    target.CustomerName ??= item.AuthorName;
                }
            }
            db.Posts.Add(post);
            parents[item.ExternalId] = new ParentRef(post.ConversationId, post.AuthorExternalId, post.Direction);
            storedIds.Add(item.ExternalId);
            stored++;
        }
        if (history)
            foreach (var c in touched.Values.Where(c => now - c.LastActivityAt >= QuietPeriod))
                c.CloseAsHistory();
        return new Result(stored, duplicates, storedIds) { Touched = touched.Values, FirstInbound = firstInbound };
    }

    // The customer's conversation an item may join: the latest one that had started by the item's time.
    private static Conversation? LatestBefore(List<Conversation> theirs, DateTime at) =>
        theirs.Where(c => c.StartedAt <= at).OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.LastActivityAt).FirstOrDefault()
        ?? theirs.OrderByDescending(c => c.LastActivityAt).First();

    // The brand's own rules always win; otherwise the model labels when it is surer than the cue words.
    private static ItemLabels Label(string text, List<BrandRule> rules, List<BrandPattern> patterns, Classification.IntentModel? model)
    {
        var labels = RuleClassifier.Classify(text, rules, patterns);
        if (model is null || labels.IntentConfidence >= 0.99)
            return labels;
        var (intent, confidence) = model.Predict(text);
        return confidence > labels.IntentConfidence
            ? labels with
            {
                Intent = intent,
                IntentSource = LabelSource.Model,
                IntentConfidence = Math.Round(confidence, 3),
                MatchedRule = null,
            }
            : labels;
    }

    // The customer is the author of an inbound item; for the brand's own reply, whom it answers.
    private static string? CustomerOf(InboundItem item, ParentRef? parent, Conversation? parentConversation) =>
        !item.FromAccount
            ? item.AuthorExternalId
            : parentConversation?.CustomerExternalId
                ?? (parent is { Direction: Direction.Inbound } ? parent.AuthorExternalId : item.RecipientExternalId);

    private static Conversation StartConversation(
        AgencyDbContext db,
        ChannelAccount account,
        InboundItem item,
        string customer,
        Dictionary<Guid, Conversation> byId,
        Dictionary<string, List<Conversation>> byCustomer
    )
    {
        var c = new Conversation
        {
            ChannelAccountId = account.Id,
            Network = account.Network,
            Department = account.Department,
            CustomerExternalId = customer,
            StartedAt = item.CreatedAt,
            LastActivityAt = item.CreatedAt,
        };
        db.Conversations.Add(c);
        byId[c.Id] = c;
        if (byCustomer.TryGetValue(customer, out var theirs))
            theirs.Add(c);
        else
            byCustomer[customer] = [c];
        return c;
    }

    private static ConversationState? State(Conversation? c) =>
        c is null ? null : new ConversationState(c.Id, c.Status, c.ResolvedAt, c.LastActivityAt, c.StartedAt);
}
