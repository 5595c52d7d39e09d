using Agency.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agency.Infrastructure.Persistence.Configurations;

internal sealed class NodeSignalConfiguration : IEntityTypeConfiguration<NodeSignal>
{
    public void Configure(EntityTypeBuilder<NodeSignal> b)
    {
        b.ToTable("NodeSignals");
        b.Property(x => x.Node).HasMaxLength(128);
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Payload).HasMaxLength(8000);
        // Each server reads the signals of the last seconds.
        b.HasIndex(x => x.At);
    }
}
