export { earliestSampleAsOf, latestSampleAsOf, samplePortfolio, SamplePortfolioInput } from './sample-portfolio.js';
