// Cannot be loaded: FunctionHostNodeTest expects a Runtime.InitError naming the missing module.
const missing = require("./no-such-module");

exports.handler = async () => missing;
