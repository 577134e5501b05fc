using System;
using System.Globalization;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CustomerSuccess.Orleans;

// Orleans grain storage over the project's own store (IAccountStateStore: the SQLite or PostgreSQL store, beside the
// alert log and the score snapshots): one row per grain type, state name and account, encoded by Orleans' serializer;
// the row's version is the ETag, so a write over a state another activation wrote is refused as Orleans expects.
internal sealed class AccountStateGrainStorage(IAccountStateStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        AccountStateDocument? stored = await store.ReadStateAsync(Kind(stateName, grainId), Account(grainId)).ConfigureAwait(false);
        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(stored.Document));
        grainState.ETag = ETag(stored.Version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        BinaryData document = serializer.Serialize(grainState.State);
        try
        {
            long version = await store.WriteStateAsync(Kind(stateName, grainId), Account(grainId), document.ToMemory(), Version(grainState.ETag)).ConfigureAwait(false);
            grainState.ETag = ETag(version);
            grainState.RecordExists = true;
        }
        catch (AccountStateConflictException e)
        {
            throw Inconsistent(e, grainState.ETag);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await store.ClearStateAsync(Kind(stateName, grainId), Account(grainId), Version(grainState.ETag)).ConfigureAwait(false);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        catch (AccountStateConflictException e)
        {
            throw Inconsistent(e, grainState.ETag);
        }
    }

    // Orleans' own exception for a write over another writer's state, which makes the activation go and read again.
    private static InconsistentStateException Inconsistent(AccountStateConflictException e, string? etag) =>
        new(e.Message, e.Found is { } found ? ETag(found) : string.Empty, etag ?? string.Empty, e);

    private static string Kind(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";

    private static AccountId Account(GrainId grainId) => new(grainId.Key.ToString()!);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? Version(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
