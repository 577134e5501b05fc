using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>A model fitted from outcomes, with its provenance and the signals it dropped.</summary>
public sealed class FittedModel
{
    /// <summary>Initializes a new <see cref="FittedModel"/>.</summary>
    /// <param name="model">The fitted model: the original signals, curves, gates and bands, with fitted weights in one group.</param>
    /// <param name="provenance">Where it came from.</param>
    /// <param name="dropped">Signals whose effect points the wrong way (a higher curve score going with more churn): weight 0, reported, never flipped.</param>
    public FittedModel(HealthModel model, ModelProvenance provenance, IReadOnlyList<DroppedSignal> dropped)
    {
        Model = model;
        Provenance = provenance;
        Dropped = ReadOnlyViews.Copy(dropped, nameof(dropped));
    }

    /// <summary>Gets the fitted model: the original signals, curves, gates and bands, with fitted weights in one group.</summary>
    public HealthModel Model { get; }

    /// <summary>Gets where it came from.</summary>
    public ModelProvenance Provenance { get; }

    /// <summary>Gets the signals whose effect points the wrong way (a higher curve score going with more churn): weight 0, reported, never flipped.</summary>
    public IReadOnlyList<DroppedSignal> Dropped { get; }
}
