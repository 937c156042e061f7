/**
 * Deep linear networks: the sigmoidal learning of each singular mode of the input-output
 * correlation (Saxe, McClelland, Ganguli 2014) and the balancedness conservation law of gradient
 * flow, whose drift measures the discreteness of gradient-descent steps.
 */
package org.lmworkbench.analysis.theory.deeplinear;
