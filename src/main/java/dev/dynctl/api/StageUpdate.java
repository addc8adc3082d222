package dev.dynctl.api;

import java.util.List;

/**
 * What {@code api stage update} did.
 *
 * @param changed an update was sent: something asked for differed from the stage as it was
 * @param absent variables asked to be removed that the stage did not have
 */
public record StageUpdate(ApiStage stage, boolean changed, List<String> absent) {
}
