package dev.dynctl.deploy;

/**
 * A planned change and the calls that make it. A step that changes nothing ({@link Action#NONE})
 * sends no request when applied.
 */
public interface Step {
    Change change();

    /**
     * Makes the change and waits until the resource is ready for the steps after it (a table
     * ACTIVE, a function's update finished). Throws what the service threw; the deployer names the
     * step in the message.
     */
    void apply() throws InterruptedException;
}
