export { SamplePortfolioOptions, samplePortfolio, type SamplePortfolioInput } from './sample-portfolio.js';
